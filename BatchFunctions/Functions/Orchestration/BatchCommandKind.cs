using System.Text.Json.Serialization;

namespace BatchFunctions.Functions.Orchestration;

[JsonConverter(typeof(JsonStringEnumConverter<BatchCommandKind>))]
public enum BatchCommandKind
{
    Cancel,
    Pause,
    Resume,
    SetConcurrency,
}
