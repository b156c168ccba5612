package org.planlab.cli;

/** A mistake in what the user asked for; its message is printed as is, exit code 2. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
