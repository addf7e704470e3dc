const SEVERITY_NAMES = ['critical', 'major', 'minor', 'info'] as const;
type SeverityName = (typeof SEVERITY_NAMES)[number];

/** Minutes an active alarm of each severity may wait for acknowledgement before each next level is told (0: never). */
export type AckDeadlines = Record<SeverityName, number>;

export const DEFAULT_ACK_MINUTES: AckDeadlines = { critical: 5, major: 15, minor: 60, info: 0 };
/** Level 1: the assignee and the site's operators; 2: the park's operators; 3: operators of every park. */
export const MAX_ESCALATION_LEVEL = 3;

/** Parses `critical=5,major=15,minor=60,info=0`; unknown severities or bad numbers throw with the part named. */
export function parseAckMinutes(text: string | undefined): AckDeadlines {
  const out = { ...DEFAULT_ACK_MINUTES };
  if (!text?.trim()) return out;
  for (const part of text.split(',')) {
    const [k, v] = part.split('=').map((x) => x.trim());
    const minutes = Number(v);
    if (!(SEVERITY_NAMES as readonly string[]).includes(k) || !Number.isFinite(minutes) || minutes < 0) throw new Error(`ALARM_ACK_MINUTES: bad part "${part}" (use e.g. critical=5,major=15,minor=60,info=0)`);
    out[k as SeverityName] = minutes;
  }
  return out;
}

