package io.inertia.daemon.http;

import io.inertia.daemon.auth.AuthException;
import io.inertia.daemon.deploy.DeploymentException;
import io.inertia.daemon.env.InvalidVariableException;
import io.inertia.daemon.env.UnreadableVariablesException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every exception a handler throws into an envelope with a fitting status; never a stack trace. Deployment
 * failures ({@link DeploymentException}) carry their own status, message and detail; {@link #apiException} gives the
 * same mapping to handlers that must render an error themselves (a streamed deploy's last line).
 */
final class ErrorMapping {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);

  private ErrorMapping() {}

  static void handle(Exception e, Context ctx) {
    if (e instanceof ApiException a) {
      Responses.envelope(ctx, a.status(), a.getMessage(), a.detail(), a.data());
    } else if (e instanceof AuthException a) {
      Map<String, Object> data = new LinkedHashMap<>();
      if (a.user() != null) {
        data.put("user", a.user());
      }
      Responses.envelope(ctx, status(a.reason()), a.getMessage(), a.detail(), data);
    } else if (e instanceof InvalidVariableException v) {
      Responses.envelope(ctx, 400, v.getMessage(), v.detail(), Map.of());
    } else if (e instanceof UnreadableVariablesException u) {
      Responses.envelope(ctx, 412, u.getMessage(), null, Map.of("variables", u.names()));
    } else if (e instanceof DeploymentException d) {
      Responses.envelope(ctx, d.status(), d.getMessage(), d.detail().isEmpty() ? null : d.detail(), Map.of());
    } else if (e instanceof HttpResponseException h) {
      Responses.envelope(ctx, h.getStatus(), javalinMessage(h), null, Map.of());
    } else if (e instanceof org.eclipse.jetty.http.HttpException he) {
      // A Jetty-level failure raised while a handler runs (the request gate normally answers these first).
      Responses.envelope(ctx, he.getCode(), "request rejected", he.getReason(), Map.of());
    } else {
      LOG.error("unexpected error in {} {}", ctx.method(), ctx.path(), e);
      Responses.envelope(ctx, 500, "internal error", e.getClass().getSimpleName(), Map.of());
    }
  }

  /** The envelope a deployment failure becomes: its status, message and (non-empty) detail. */
  static ApiException apiException(DeploymentException d) {
    return new ApiException(d.status(), d.getMessage(), d.detail().isEmpty() ? null : d.detail());
  }

  static int status(AuthException.Reason reason) {
    return switch (reason) {
      case UNAUTHENTICATED, BAD_CREDENTIALS -> 401;
      case FORBIDDEN -> 403;
      case TOTP_REQUIRED -> 417;
      case THROTTLED -> 429;
      case INVALID_INPUT -> 400;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
    };
  }

  private static String javalinMessage(HttpResponseException h) {
    return switch (h.getStatus()) {
      case 404 -> "not found";
      case 405 -> "method not allowed";
      case 413 -> "request body too large";
      default -> h.getMessage() == null || h.getMessage().isEmpty() ? "request failed" : h.getMessage();
    };
  }
}
