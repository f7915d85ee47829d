package dev.evident.server;

/**
 * A family of routes (health, ingest, queries; later tasks, events, the web UI), registered by one
 * class so that each can be added without touching the others.
 */
interface RouteGroup {
  void register(Api api);
}
