package io.upwatch.api.heartbeat;

/** What a job reports with a ping. */
enum PingKind {
  /** It ran and succeeded ({@code /ping/{token}}). */
  SUCCESS,
  /** It ran and failed ({@code /ping/{token}/fail}). */
  FAILURE,
  /** It started; the next success or failure measures its duration ({@code /start}). */
  START
}
