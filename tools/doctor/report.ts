/** The diagnosis as text: a heading per section, one line per finding, its detail, advice and doc link indented below. */
import type { Diagnosis, Finding, Section, Severity } from "./diagnose";
import type { DoctorInputs } from "./inputs";

const TITLES: Readonly<Record<Section, string>> = {
  deployment: "Deployment",
  events: "Service events (newest first)",
  stopped: "Stopped tasks",
  logs: "Service log",
  table: "Table",
};

const MARKS: Readonly<Record<Severity, string>> = { ok: "[ok]  ", info: "      ", warn: "[warn]", error: "[FAIL]" };
const INDENT = "       ";

/** One finding's lines. */
export function formatFinding(finding: Finding): string[] {
  const lines = [`${MARKS[finding.severity]} ${finding.text}`];
  if (finding.detail !== undefined) lines.push(`${INDENT}reason: ${finding.detail}`);
  if (finding.advice !== undefined) lines.push(`${INDENT}fix: ${finding.advice}`);
  if (finding.doc !== undefined) lines.push(`${INDENT}see: ${finding.doc}`);
  return lines;
}

/** The last line: healthy, or how many problems. */
export function verdict(diagnosis: Diagnosis): string {
  return diagnosis.problems === 0
    ? "Result: healthy: the service runs the stack's revision"
    : `Result: ${diagnosis.problems} problem${diagnosis.problems === 1 ? "" : "s"} found`;
}

/** The whole report. */
export function formatReport(inputs: DoctorInputs, diagnosis: Diagnosis): string {
  const lines = [`Doctor: service ${inputs.service} in cluster ${inputs.cluster} (${inputs.region})`];
  for (const section of Object.keys(TITLES) as Section[]) {
    const findings = diagnosis.findings.filter((f) => f.section === section);
    if (findings.length === 0) continue;
    lines.push("", TITLES[section], ...findings.flatMap(formatFinding));
  }
  lines.push("", verdict(diagnosis));
  return `${lines.join("\n")}\n`;
}
