using BatchFunctions.Domain;
using BatchFunctions.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace BatchFunctions.Providers.Twilio;

/// <summary>Places calls through Twilio's REST API and says plainly what became of each request.</summary>
public sealed partial class TwilioCallPlacer(
    ITwilioRestClient twilio,
    IOptions<CallbackOptions> callbacks,
    IOptions<DispatchOptions> dispatch,
    ILogger<TwilioCallPlacer> logger)
{
    private static readonly List<string> ProgressEvents = ["initiated", "ringing", "answered", "completed"];

    /// <summary>Quick retries inside one run for Twilio's explicit "not now" (429, 5xx); longer waits are the orchestrator's.</summary>
    private const int QuickAttempts = 3;

    private static readonly TimeSpan QuickBackoff = TimeSpan.FromMilliseconds(250);

    /// <exception cref="TransientTelephonyException">Twilio was busy, failing or silent; try again later.</exception>
    public async Task<DialResult> PlaceAsync(CallRequest call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PlaceOnceAsync(call);
            }
            catch (TransientTelephonyException e) when (!e.OutcomeUnknown && attempt < QuickAttempts)
            {
                // Twilio said it created nothing, so trying again cannot call anyone twice. Full jitter
                // spreads the batches that hit the same limit at the same moment.
                await Task.Delay(Random.Shared.Next(1, (int)QuickBackoff.TotalMilliseconds << attempt));
            }
        }
    }

    private async Task<DialResult> PlaceOnceAsync(CallRequest call)
    {
        var publicBaseUrl = callbacks.Value.PublicBaseUrl;
        var options = new CreateCallOptions(new PhoneNumber(call.To), new PhoneNumber(call.From))
        {
            Url = TwilioRoutes.For(publicBaseUrl, TwilioRoutes.Answer, call.BatchId, call.RecipientIndex, call.Attempt),
            Method = global::Twilio.Http.HttpMethod.Post,
            StatusCallback = TwilioRoutes.For(publicBaseUrl, TwilioRoutes.Status, call.BatchId, call.RecipientIndex, call.Attempt),
            StatusCallbackMethod = global::Twilio.Http.HttpMethod.Post,
            StatusCallbackEvent = ProgressEvents,
            Timeout = call.Telephony.RingingTimeoutSecs ?? dispatch.Value.RingTimeoutSeconds,
            Record = call.Telephony.TwilioCallRecordingEnabled ?? false,
            MachineDetection = call.Telephony.TwilioMachineDetection?.Mode switch
            {
                MachineDetectionMode.Enable => "Enable",
                MachineDetectionMode.DetectMessageEnd => "DetectMessageEnd",
                _ => null,
            },
        };

        try
        {
            var created = await CallResource.CreateAsync(options, twilio);
            var maskedTo = PhoneMask.Mask(call.To);
            LogPlaced(call.BatchId, call.RecipientIndex, call.Attempt, maskedTo, created.Sid);
            return new DialResult(DialOutcome.Placed, created.Sid);
        }
        catch (ApiException e)
        {
            var kind = TwilioErrors.Classify(e.Status, e.Code);
            var detail = TwilioErrors.Describe(e.Code, e.Message);
            LogRefused(call.BatchId, call.RecipientIndex, e.Status, e.Code, kind);
            return kind switch
            {
                TwilioErrorKind.Transient => throw new TransientTelephonyException(detail, e),
                TwilioErrorKind.Configuration => new DialResult(DialOutcome.ConfigurationRejected, null, FailureReason.ConfigurationError, detail),
                _ => new DialResult(DialOutcome.RecipientRejected, null, FailureReason.NumberRejected, detail),
            };
        }
        catch (Exception e) when (e is ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            // No answer from Twilio: the call may or may not exist. The caller keeps its dial intent so
            // the next attempt asks Twilio before dialing again.
            throw new TransientTelephonyException("Twilio did not answer the create-call request.", e) { OutcomeUnknown = true };
        }
    }

    /// <summary>
    /// Whether Twilio lists any call from <paramref name="from"/> to <paramref name="to"/> created since
    /// <paramref name="notBefore"/>. Used only to prove that an attempt whose outcome was lost placed
    /// nothing; a call found this way is never taken to be ours (another batch may call the same number).
    /// </summary>
    public async Task<bool> AnyCallSinceAsync(string to, string from, DateTimeOffset notBefore)
    {
        try
        {
            var calls = await CallResource.ReadAsync(
                new ReadCallOptions
                {
                    To = new PhoneNumber(to),
                    From = new PhoneNumber(from),
                    StartTimeAfter = notBefore.UtcDateTime.AddMinutes(-1),
                    Limit = 20,
                },
                twilio);
            return calls.Any(c => c.DateCreated is null || c.DateCreated >= notBefore.UtcDateTime.AddMinutes(-1));
        }
        catch (Exception e) when (e is ApiException or ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            throw new TransientTelephonyException("Could not ask Twilio whether an earlier attempt placed the call.", e) { OutcomeUnknown = true };
        }
    }

    /// <summary>The call's status as Twilio has it now, for calls whose final callback never came.</summary>
    public async Task<CallProgress?> FetchFinalStatusAsync(string callSid, int attempt, DateTimeOffset now)
    {
        try
        {
            var call = await CallResource.FetchAsync(callSid, client: twilio);
            var status = TwilioStatusCallback.ParseStatus(call.Status.ToString());
            if (status is null || !new CallProgress(attempt, callSid, status.Value, 0, now).IsFinal)
            {
                return null;
            }

            // Ranked after any real callback, so a late genuine callback cannot be mistaken for newer.
            return new CallProgress(attempt, callSid, status.Value, WatchdogSequenceNumber, now,
                int.TryParse(call.Duration, System.Globalization.CultureInfo.InvariantCulture, out var seconds) ? seconds : null,
                call.AnsweredBy);
        }
        catch (Exception e) when (e is ApiException or ApiConnectionException or HttpRequestException or TaskCanceledException)
        {
            throw new TransientTelephonyException($"Could not fetch call {callSid} from Twilio.", e);
        }
    }

    /// <summary>Ends a call: cancels it if it is still ringing, hangs it up if answered. A call that already ended is left alone.</summary>
    public async Task HangUpAsync(string callSid)
    {
        try
        {
            await CallResource.UpdateAsync(new UpdateCallOptions(callSid) { Status = CallResource.UpdateStatusEnum.Completed }, twilio);
        }
        catch (ApiException e) when (e.Code is 21220 or 20404)
        {
            // 21220: the call is not in progress any more; 20404: unknown. Either way nothing to end.
        }
    }

    /// <summary>Sequence number given to a status learned by asking Twilio rather than from a callback.</summary>
    public const int WatchdogSequenceNumber = 1_000_000;

    [LoggerMessage(Level = LogLevel.Information, Message = "Placed call {CallSid} for batch {BatchId} recipient {RecipientIndex} attempt {Attempt} to {MaskedNumber}")]
    private partial void LogPlaced(string batchId, int recipientIndex, int attempt, string maskedNumber, string callSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio refused the call for batch {BatchId} recipient {RecipientIndex}: HTTP {HttpStatus}, code {TwilioCode}, treated as {ErrorKind}")]
    private partial void LogRefused(string batchId, int recipientIndex, int httpStatus, int twilioCode, TwilioErrorKind errorKind);
}
