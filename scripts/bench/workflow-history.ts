import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { distribution } from './stats.ts';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** Milliseconds of one kind of step, over every run of the chain. */
export interface StepTimes {
  count: number;
  /** Its own time: an activity from started to completed; a workflow task from scheduled to completed. */
  p50Ms: number;
  p99Ms: number;
  totalMs: number;
  /** An activity's wait from scheduled to started (the worker picking it up). */
  waitP50Ms?: number;
  waitTotalMs?: number;
}

export interface WorkflowHistory {
  workflowId: string;
  /** Runs of the continue-as-new chain, first to last, with their event counts. */
  runs: { runId: string; events: number; lastEvent: string }[];
  /** Events of the longest run: what a replay of one run reads, the figure continue-as-new keeps bounded. */
  longestRunEvents: number;
  /** Events of the run that ended the chain (the current one). */
  lastRunEvents: number;
  /** Events over every run. */
  totalEvents: number;
  /** Where the workflow's time went, from the events' times: each activity type, the workflow tasks, the timers started. */
  steps: { activities: Record<string, StepTimes>; workflowTasks: StepTimes; timers: number; wallMs: number };
}

const ms = (ts: { seconds?: unknown; nanos?: number | null } | null | undefined) => (ts ? Number(String(ts.seconds ?? 0)) * 1000 + (ts.nanos ?? 0) / 1e6 : Number.NaN);

function stepTimes(own: number[], waits?: number[]): StepTimes {
  const d = distribution(own);
  const sum = (values: number[]) => Math.round(values.reduce((s, v) => s + v, 0));
  const times: StepTimes = { count: own.length, p50Ms: d.p50, p99Ms: d.p99, totalMs: sum(own) };
  if (waits) Object.assign(times, { waitP50Ms: distribution(waits).p50, waitTotalMs: sum(waits) });
  return times;
}

/** Activity and workflow-task times of a history's events. */
function collect(events: readonly HistoryEvent[], into: { activity: Map<string, { own: number[]; waits: number[] }>; tasks: number[]; timers: number }) {
  const byId = new Map<string, HistoryEvent>();
  for (const event of events) {
    byId.set(String(event.eventId), event);
    const completed = event.activityTaskCompletedEventAttributes;
    if (completed) {
      const scheduled = byId.get(String(completed.scheduledEventId));
      const started = byId.get(String(completed.startedEventId));
      const name = scheduled?.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
      const entry = into.activity.get(name) ?? { own: [], waits: [] };
      into.activity.set(name, entry);
      entry.own.push(ms(event.eventTime) - ms(started?.eventTime));
      entry.waits.push(ms(started?.eventTime) - ms(scheduled?.eventTime));
    }
    const task = event.workflowTaskCompletedEventAttributes;
    if (task) into.tasks.push(ms(event.eventTime) - ms(byId.get(String(task.scheduledEventId))?.eventTime));
    if (event.timerStartedEventAttributes) into.timers++;
  }
}

/**
 * The history of a workflow and of every run of its continue-as-new chain: its first run is the earliest the
 * visibility store lists under the workflow id; from there each run's last event names the next.
 */
export async function workflowHistory(client: Client, workflowId: string): Promise<WorkflowHistory> {
  let first: { runId: string; startMs: number } | undefined;
  for await (const run of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) {
    if (!first || run.startTime.getTime() < first.startMs) first = { runId: run.runId, startMs: run.startTime.getTime() };
  }
  let runId: string | undefined = first?.runId ?? (await client.workflow.getHandle(workflowId).describe()).runId;
  const runs: WorkflowHistory['runs'] = [];
  const times = { activity: new Map<string, { own: number[]; waits: number[] }>(), tasks: [] as number[], timers: 0 };
  let startedAt = Number.NaN;
  let endedAt = Number.NaN;
  while (runId) {
    const history: temporal.api.history.v1.IHistory = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events = history.events ?? [];
    const last = events.at(-1);
    if (Number.isNaN(startedAt)) startedAt = ms(events[0]?.eventTime);
    endedAt = ms(last?.eventTime);
    collect(events, times);
    const lastEvent = last?.workflowExecutionContinuedAsNewEventAttributes
      ? 'continued as new'
      : last?.workflowExecutionCompletedEventAttributes
        ? 'completed'
        : `event type ${String(last?.eventType ?? '?')}`;
    runs.push({ runId, events: events.length, lastEvent });
    runId = last?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
  }
  const counts = runs.map((r) => r.events);
  return {
    workflowId,
    runs,
    longestRunEvents: Math.max(0, ...counts),
    lastRunEvents: counts.at(-1) ?? 0,
    totalEvents: counts.reduce((s, e) => s + e, 0),
    steps: {
      activities: Object.fromEntries([...times.activity].map(([name, t]) => [name, stepTimes(t.own, t.waits)])),
      workflowTasks: stepTimes(times.tasks),
      timers: times.timers,
      wallMs: Math.round(endedAt - startedAt),
    },
  };
}
