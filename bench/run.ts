// `npm run bench`: accuracy on ../shared/bench/dev (when present), speed and memory, OpenAI-grader cost.
// Each part lives in its own file and exports `main()`; this runs those that exist, in order.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const parts = ['accuracy', 'speed', 'openai-cost'];

async function run(): Promise<void> {
  const only = process.argv.slice(2);
  for (const part of parts) {
    const file = join(__dirname, `${part}.ts`);
    if (!existsSync(file) || (only.length && !only.includes(part))) continue;
    console.log(`\n=== ${part} ===`);
    const mod = (await import(file)) as { main: () => Promise<void> };
    await mod.main();
  }
}

void run();
