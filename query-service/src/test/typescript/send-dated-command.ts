// Sends one command through the generated TypeScript client with the day it took place, as a web developer would:
// node send-dated-command.js <base URL> <user> <session id> <year> <day>
import { Configuration, SessionApi } from './client';

// Node's own, without its type package.
declare const process: { argv: string[]; exit(code: number): never };

async function main(): Promise<void> {
  const [basePath, user, sessionId, year, day] = process.argv.slice(2);
  const sessions = new SessionApi(new Configuration({ basePath, username: user, password: user }));
  const accepted = await sessions.scheduleSession({
    scheduleSessionRequest: { sessionId, year: Number(year), rationale: 'Scheduled by the TypeScript client' },
    tookPlaceOn: day,
  });
  console.log(JSON.stringify(accepted));
}

main().catch(async (failure) => {
  const answer = failure?.response ? await failure.response.text() : '';
  console.error(String(failure), answer);
  process.exit(1);
});
