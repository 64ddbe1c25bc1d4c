using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace TelephonySimulator.Calls;

/// <summary>
/// What the answer TwiML asks Twilio to do, as far as the simulator plays it: connect the call somewhere (an agent's
/// media stream, a dial), or speak and play to the callee and hang up. Twilio ends a call when its TwiML runs out of
/// verbs, so a script without a connecting verb lasts as long as its speech.
/// </summary>
internal sealed record TwimlScript(bool Connects, IReadOnlyList<string> Said, IReadOnlyList<string> Played, double Seconds)
{
    // Twilio's text-to-speech reads about 150 words a minute, some 15 characters a second.
    private const double SpokenCharactersPerSecond = 15;

    // A <Play> of an audio file: its length is unknown here, so a typical short recording.
    private const double PlaySeconds = 10;

    private static readonly HashSet<string> ConnectingVerbs = new(["Connect", "Dial", "Stream", "Enqueue", "Redirect", "Gather"], StringComparer.Ordinal);

    /// <returns>The script, or null when the body is not TwiML (a <c>&lt;Response&gt;</c> document).</returns>
    public static TwimlScript? Parse(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        XDocument document;
        try
        {
            document = XDocument.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }

        if (document.Root is not { Name.LocalName: "Response" } response)
        {
            return null;
        }

        var said = new List<string>();
        var played = new List<string>();
        var seconds = 0.0;
        foreach (var verb in response.Elements())
        {
            var name = verb.Name.LocalName;
            if (ConnectingVerbs.Contains(name))
            {
                return new TwimlScript(true, said, played, seconds);
            }

            var times = Loop(verb);
            switch (name)
            {
                case "Say":
                    var text = verb.Value.Trim();
                    said.Add(text);
                    seconds += times * text.Length / SpokenCharactersPerSecond;
                    break;
                case "Play":
                    played.Add(verb.Value.Trim());
                    seconds += times * PlaySeconds;
                    break;
                case "Pause":
                    seconds += int.TryParse(verb.Attribute("length")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 1;
                    break;
                case "Hangup" or "Reject":
                    return new TwimlScript(false, said, played, seconds);
            }
        }

        return new TwimlScript(false, said, played, seconds);
    }

    // loop="0" repeats until the call ends; once is as much as the simulator plays.
    private static int Loop(XElement verb) =>
        int.TryParse(verb.Attribute("loop")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var loop) && loop > 1 ? loop : 1;
}
