package org.verbatim.service;

/**
 * A request the service answers with an error status and a JSON body
 * {@code {"error": code, "message": ..., "field": ..., "limit": ...}}. The message never holds comment text.
 */
final class ApiError extends Exception {

  final int status;
  final String code;
  final String field;
  final long limit;

  ApiError(int status, String code, String message, String field, long limit) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.field = field;
    this.limit = limit;
  }

  /** 400: malformed JSON or a field that is missing or has the wrong type. */
  static ApiError badRequest(String field, String message) {
    return new ApiError(400, "bad_request", message, field, -1);
  }

  /** 413: a body, batch or comment over its limit. */
  static ApiError tooLarge(String field, String message, long limit) {
    return new ApiError(413, "payload_too_large", message, field, limit);
  }
}
