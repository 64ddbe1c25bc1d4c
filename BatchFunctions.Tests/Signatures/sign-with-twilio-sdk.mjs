// Signs a webhook request with the official Twilio Node.js library, an implementation independent of
// the app's (C#) and the simulator's. Input on stdin: {"authToken", "url", "params"}; output: the signature.
import twilio from "twilio";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const { authToken, url, params } = JSON.parse(Buffer.concat(chunks).toString("utf8"));
process.stdout.write(twilio.getExpectedTwilioSignature(authToken, url, params));
