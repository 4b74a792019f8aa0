package io.inertia.common.api;

/** Endpoint paths of the daemon API (docs/original.md#endpoints), plus the ones this port adds. */
public final class ApiPaths {
  public static final String HEALTH = "/";
  public static final String WEBHOOK = "/webhook";
  public static final String WEBHOOK_DELIVERIES = "/webhook/deliveries";
  public static final String STATUS = "/status";
  public static final String LOGS = "/logs";
  public static final String UP = "/up";
  public static final String DOWN = "/down";
  public static final String RESET = "/reset";
  public static final String ENV = "/env";
  public static final String PRUNE = "/prune";
  public static final String TOKEN = "/token";
  public static final String RELEASES = "/releases";
  public static final String ROLLBACK = "/rollback";
  public static final String OPENAPI = "/openapi.json";

  public static final String USER_LOGIN = "/user/login";
  public static final String USER_LOGOUT = "/user/logout";
  public static final String USER_VALIDATE = "/user/validate";
  public static final String USER_ADD = "/user/add";
  public static final String USER_REMOVE = "/user/remove";
  public static final String USER_RESET = "/user/reset";
  public static final String USER_LIST = "/user/list";
  public static final String TOTP_ENABLE = "/user/totp/enable";
  public static final String TOTP_DISABLE = "/user/totp/disable";

  /** Default daemon port, inside the container and on the host. */
  public static final int DEFAULT_PORT = 4303;

  private ApiPaths() {}
}
