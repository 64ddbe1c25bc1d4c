using BatchFunctions.Api;
using BatchFunctions.Providers.ElevenLabs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace BatchFunctions.Functions.Http;

/// <summary>GET /api/batch-calling/phone-numbers/{phone_number_id} (our addition): a phone number imported into ElevenLabs, looked up as a batch would look it up.</summary>
public sealed class GetPhoneNumber(ElevenLabsDirectory directory)
{
    [Function(nameof(GetPhoneNumber))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.PhoneNumber)] HttpRequest request,
        string phoneNumberId,
        CancellationToken cancellationToken)
    {
        try
        {
            return await directory.GetPhoneNumberAsync(phoneNumberId, cancellationToken) is { } number
                ? new JsonResult(PhoneNumberResponse.From(number), ApiJson.Options)
                : ApiError.NotFound($"ElevenLabs has no phone number '{phoneNumberId}' in this workspace.");
        }
        catch (Exception e) when (ApiError.IsUpstreamFailure(e, cancellationToken))
        {
            return ApiError.BadGateway($"ElevenLabs could not be asked about the phone number: {e.Message}");
        }
    }
}
