using System.Globalization;
using Microsoft.AspNetCore.Http;
using TelephonySimulator.Hosting;

namespace TelephonySimulator.TwilioApi;

/// <summary>The Twilio errors the simulator returns, with Twilio's codes and messages.</summary>
internal static class TwilioErrors
{
    public static IResult Unauthorized() => Error(StatusCodes.Status401Unauthorized, 20003, "Authenticate");

    public static IResult NotFound(string path) =>
        Error(StatusCodes.Status404NotFound, 20404, string.Create(CultureInfo.InvariantCulture, $"The requested resource {path} was not found"));

    public static IResult BadRequest(int code, string message) => Error(StatusCodes.Status400BadRequest, code, message);

    public static IResult TooManyRequests() => Error(StatusCodes.Status429TooManyRequests, 20429, TwilioErrorCatalog.MessageOf(20429, null, null));

    public static IResult Error(int status, int code, string message) => Results.Json(
        new TwilioError(code, message, string.Create(CultureInfo.InvariantCulture, $"https://www.twilio.com/docs/errors/{code}"), status),
        SimulatorJson.Options,
        statusCode: status);
}
