/** Announces per-topic updates at most once per interval; final words go out at once. */
export interface ThrottledAnnouncer {
  /** The latest words about `topic`: spoken now if the topic was quiet for an interval, else once it has been. */
  update(topic: string, message: string): void;
  /** Words that must not wait (a poll closed): drops what was queued for the topic and speaks now. */
  final(topic: string, message: string): void;
  /** Cancels everything queued (the view went away). */
  dispose(): void;
}

/** How often a poll's results may be announced: often enough to follow, rare enough to still hear the rest. */
export const RESULTS_ANNOUNCE_INTERVAL_MS = 5000;

interface Topic {
  lastAt: number;
  lastSaid: string;
  queued: string | null;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Throttles announcements per topic (leading and trailing edge): the first change is spoken at once,
 * changes within the next interval collapse into one announcement of the latest words when it ends.
 */
export function createThrottledAnnouncer(
  announce: (message: string) => void,
  intervalMs = RESULTS_ANNOUNCE_INTERVAL_MS,
): ThrottledAnnouncer {
  const topics = new Map<string, Topic>();
  const say = (topic: Topic, message: string) => {
    topic.lastAt = Date.now();
    topic.lastSaid = message;
    topic.queued = null;
    announce(message);
  };
  const flush = (topic: Topic) => {
    topic.timer = null;
    if (topic.queued !== null && topic.queued !== topic.lastSaid) say(topic, topic.queued);
  };
  const cancel = (topic: Topic) => {
    if (topic.timer) clearTimeout(topic.timer);
    topic.timer = null;
  };
  const topicOf = (key: string): Topic => {
    const known = topics.get(key) ?? { lastAt: -Infinity, lastSaid: '', queued: null, timer: null };
    topics.set(key, known);
    return known;
  };
  return {
    update(key, message) {
      const topic = topicOf(key);
      if (message === (topic.queued ?? topic.lastSaid)) return;
      const wait = topic.lastAt + intervalMs - Date.now();
      if (wait <= 0 && !topic.timer) return say(topic, message);
      topic.queued = message;
      topic.timer ??= setTimeout(() => flush(topic), wait);
    },
    final(key, message) {
      const topic = topicOf(key);
      cancel(topic);
      say(topic, message);
    },
    dispose() {
      topics.forEach(cancel);
      topics.clear();
    },
  };
}
