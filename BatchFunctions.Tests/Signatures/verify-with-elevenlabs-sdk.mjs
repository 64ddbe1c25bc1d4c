// Verifies an ElevenLabs webhook with the official SDK's own webhooks.constructEvent, an implementation
// independent of the app's (C#) and the simulator's. Input on stdin: {"rawBody", "signature", "secret"};
// output: the event's data.conversation_id; exit 1 with the SDK's message when it refuses the webhook.
import { ElevenLabsClient } from "@elevenlabs/elevenlabs-js";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { rawBody, signature, secret } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const client = new ElevenLabsClient({ apiKey: "not-used" });
try {
  const event = await client.webhooks.constructEvent(rawBody, signature, secret);
  process.stdout.write(event.data.conversation_id);
} catch (error) {
  process.stderr.write(`refused: ${error.message}\n`);
  process.exit(1);
}
