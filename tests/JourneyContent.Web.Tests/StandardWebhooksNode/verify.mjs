// Verifies one webhook delivery with the npm standardwebhooks package, an implementation this project did not write.
// Input on stdin, as JSON: {"secret": "whsec_...", "headers": {"webhook-id": "...", ...}, "body": "exact body as received"}.
// Prints the parsed payload as JSON and exits 0 when the signature holds; prints the library's error and exits 1 when it
// does not; exits 2 when the input itself is unusable, so that a broken test harness is not mistaken for a refusal.
import { Webhook, WebhookVerificationError } from "standardwebhooks";

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}

let input;
try {
  input = JSON.parse(Buffer.concat(chunks).toString("utf8"));
} catch (error) {
  console.error(`Input is not JSON: ${error.message}`);
  process.exit(2);
}

const { secret, headers, body } = input ?? {};
if (typeof secret !== "string" || typeof body !== "string" || headers === null || typeof headers !== "object") {
  console.error('Input needs "secret" (string), "headers" (object) and "body" (string).');
  process.exit(2);
}

try {
  const payload = new Webhook(secret).verify(body, headers);
  console.log(JSON.stringify(payload));
} catch (error) {
  // Only the library's refusal counts as "refused"; anything else (a bad secret, a bug) is a harness error.
  const refused = error instanceof WebhookVerificationError;
  console.error(`${refused ? "Refused" : "Error"}: ${error.name}: ${error.message}`);
  process.exit(refused ? 1 : 2);
}
