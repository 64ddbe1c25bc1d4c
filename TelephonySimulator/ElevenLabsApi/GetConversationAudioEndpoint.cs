using System.Buffers.Binary;
using Microsoft.AspNetCore.Http;

namespace TelephonySimulator.ElevenLabsApi;

/// <summary>
/// <c>GET /v1/convai/conversations/{conversation_id}/audio</c>: the recording, when the agent keeps audio. The simulator
/// has no voices: it serves a second of silence as WAV (ElevenLabs serves MP3), which any audio element plays.
/// </summary>
internal static class GetConversationAudioEndpoint
{
    private const int SampleRate = 8000;

    public static IResult Handle(string conversationId, ConversationLog conversations, SimulatorOptions options)
    {
        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ElevenLabsErrors.NotFound("conversation_not_found", $"Conversation with id {conversationId} was not found.");
        }

        return ConversationContent.HasAudio(conversation, options)
            ? Results.Bytes(Silence(), "audio/wav")
            : ElevenLabsErrors.NotFound("audio_not_found", $"Conversation {conversationId} has no audio.");
    }

    private static byte[] Silence()
    {
        const int samples = SampleRate;
        var wav = new byte[44 + samples];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), 36 + samples);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 8);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), samples);
        wav.AsSpan(44).Fill(128);
        return wav;
    }
}
