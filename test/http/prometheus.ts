// Reading the Prometheus text format in tests, and asking the metrics server over loopback.

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /(\w+)="((?:[^"\\]|\\.)*)"/g;

/** Every sample line of an exposition, comments skipped. */
export function parseSamples(exposition: string): Sample[] {
  return exposition.split('\n').flatMap((line) => {
    const match = SAMPLE.exec(line);
    if (!match?.[1] || !match[3]) return [];
    const labels = Object.fromEntries(
      [...(match[2] ?? '').matchAll(LABEL)].map(([, key, value]) => [key, value]),
    );
    return [{ name: match[1], labels, value: Number(match[3]) }];
  });
}

/** The value of the sample with exactly these labels, or undefined when there is none. */
export function sampleValue(
  exposition: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  const wanted = JSON.stringify(Object.entries(labels).sort());
  return parseSamples(exposition).find(
    (sample) => sample.name === name && JSON.stringify(Object.entries(sample.labels).sort()) === wanted,
  )?.value;
}

/** Every label set a metric has, for checking that none holds an id or a name. */
export function labelSetsOf(exposition: string, name: string): Array<Record<string, string>> {
  return parseSamples(exposition)
    .filter((sample) => sample.name === name)
    .map((sample) => ({ ...sample.labels }));
}

export async function scrape(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (response.status !== 200) throw new Error(`GET /metrics answered ${response.status}`);
  return response.text();
}

// biome-ignore lint/suspicious/noExplicitAny: the health body is read freely by tests
export async function health(baseUrl: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${baseUrl}/healthz`);
  return { status: response.status, body: await response.json() };
}
