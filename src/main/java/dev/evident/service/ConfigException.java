package dev.evident.service;

import dev.evident.model.EvidentException;

/**
 * The project configuration file cannot be used: unreadable, not YAML, or with a key or value
 * Evident does not understand. The message starts with file and line: {@code evident.yaml:12:
 * unknown key 'servces' under requires; did you mean 'services'?}.
 */
public class ConfigException extends EvidentException {
  public ConfigException(String message) {
    super(message);
  }
}
