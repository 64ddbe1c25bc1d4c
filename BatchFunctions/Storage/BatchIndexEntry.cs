using BatchFunctions.Domain;

namespace BatchFunctions.Storage;

/// <param name="Cursor">Where the next page starts after this batch (ElevenLabs' last_doc).</param>
public sealed record BatchIndexEntry(string Cursor, BatchDefinition Definition);
