package io.inertia.daemon.http;

import java.util.Map;

/** A handler's failure with the status, message, optional {@code error} and optional {@code data} to send. */
public class ApiException extends RuntimeException {
  private final int status;
  private final String detail;
  private final Map<String, Object> data;

  public ApiException(int status, String message, String detail, Map<String, Object> data) {
    super(message);
    this.status = status;
    this.detail = detail;
    this.data = data == null ? Map.of() : data;
  }

  public ApiException(int status, String message, String detail) {
    this(status, message, detail, null);
  }

  public ApiException(int status, String message) {
    this(status, message, null, null);
  }

  public int status() {
    return status;
  }

  public String detail() {
    return detail;
  }

  public Map<String, Object> data() {
    return data;
  }
}
