package io.inertia.daemon.store;

import io.inertia.daemon.deploy.BuildType;
import io.inertia.daemon.deploy.DeployRequest;
import io.inertia.daemon.deploy.DeploySettings;
import io.inertia.daemon.deploy.DeploymentStore;
import io.inertia.daemon.deploy.Release;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Deploy settings (one row), releases and whether the project is down on purpose, in the daemon database, component
 * {@code deploy}. Thread-safe.
 */
public final class SqliteDeploymentStore implements DeploymentStore {
  private static final List<String> MIGRATIONS =
      List.of(
          "CREATE TABLE deploy_settings (id INTEGER PRIMARY KEY CHECK (id = 1), project TEXT NOT NULL,"
              + " remote_url TEXT NOT NULL, branch TEXT NOT NULL, build_type TEXT NOT NULL,"
              + " build_file TEXT NOT NULL, slack_urls TEXT NOT NULL, intermediary_containers TEXT NOT NULL,"
              + " current_release INTEGER)",
          "CREATE TABLE deploy_releases (id INTEGER PRIMARY KEY AUTOINCREMENT, project TEXT NOT NULL,"
              + " branch TEXT NOT NULL, commit_hash TEXT NOT NULL, commit_message TEXT NOT NULL,"
              + " build_type TEXT NOT NULL, build_file TEXT NOT NULL, env_names TEXT NOT NULL,"
              + " env_hash TEXT NOT NULL, trigger TEXT NOT NULL, state TEXT NOT NULL, detail TEXT NOT NULL,"
              + " started_at INTEGER NOT NULL, finished_at INTEGER, log TEXT NOT NULL)",
          "CREATE TABLE deploy_intent (id INTEGER PRIMARY KEY CHECK (id = 1), taken_down INTEGER NOT NULL)");

  private final Database db;

  public SqliteDeploymentStore(Database db) {
    this.db = db;
    db.migrate("deploy", MIGRATIONS);
  }

  @Override
  public DeploySettings loadSettings() {
    return db.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT * FROM deploy_settings WHERE id = 1");
              ResultSet rs = q.executeQuery()) {
            if (!rs.next()) {
              return DeploySettings.empty();
            }
            long current = rs.getLong("current_release");
            Optional<Long> currentId = rs.wasNull() ? Optional.empty() : Optional.of(current);
            return new DeploySettings(
                rs.getString("project"), rs.getString("remote_url"), rs.getString("branch"),
                BuildType.parse(rs.getString("build_type")), rs.getString("build_file"),
                split(rs.getString("slack_urls")), split(rs.getString("intermediary_containers")), currentId);
          }
        });
  }

  @Override
  public void saveSettings(DeploySettings s) {
    db.transaction(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "INSERT OR REPLACE INTO deploy_settings (id, project, remote_url, branch, build_type, build_file,"
                      + " slack_urls, intermediary_containers, current_release) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            u.setString(1, s.project());
            u.setString(2, s.remoteUrl());
            u.setString(3, s.branch());
            u.setString(4, s.buildType().wireName());
            u.setString(5, s.buildFile());
            u.setString(6, String.join("\n", s.slackUrls()));
            u.setString(7, String.join("\n", s.intermediaryContainers()));
            if (s.currentReleaseId().isPresent()) {
              u.setLong(8, s.currentReleaseId().get());
            } else {
              u.setNull(8, java.sql.Types.INTEGER);
            }
            u.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public long createRelease(Release r) {
    return db.transaction(
        c -> {
          try (PreparedStatement i =
              c.prepareStatement(
                  "INSERT INTO deploy_releases (project, branch, commit_hash, commit_message, build_type, build_file,"
                      + " env_names, env_hash, trigger, state, detail, started_at, log)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            i.setString(1, r.project());
            i.setString(2, r.branch());
            i.setString(3, r.commit());
            i.setString(4, r.commitMessage());
            i.setString(5, r.buildType().wireName());
            i.setString(6, r.buildFile());
            i.setString(7, String.join("\n", r.envNames()));
            i.setString(8, r.envHash());
            i.setString(9, r.trigger().name());
            i.setString(10, r.state().name());
            i.setString(11, r.detail());
            i.setLong(12, r.startedAt().toEpochMilli());
            i.setString(13, r.log());
            i.executeUpdate();
          }
          try (PreparedStatement q = c.prepareStatement("SELECT last_insert_rowid()");
              ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public void finishRelease(
      long id, String commit, String commitMessage, Release.State state, String detail, String log, Instant at) {
    db.transaction(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE deploy_releases SET commit_hash = CASE WHEN ? = '' THEN commit_hash ELSE ? END,"
                      + " commit_message = CASE WHEN ? = '' THEN commit_message ELSE ? END,"
                      + " state = ?, detail = ?, log = ?, finished_at = ? WHERE id = ?")) {
            u.setString(1, commit);
            u.setString(2, commit);
            u.setString(3, commitMessage);
            u.setString(4, commitMessage);
            u.setString(5, state.name());
            u.setString(6, detail);
            u.setString(7, log);
            u.setLong(8, at.toEpochMilli());
            u.setLong(9, id);
            u.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public List<Release> releases() {
    return db.read(
        c -> {
          List<Release> out = new ArrayList<>();
          try (PreparedStatement q = c.prepareStatement("SELECT * FROM deploy_releases ORDER BY id DESC");
              ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              out.add(release(rs));
            }
          }
          return out;
        });
  }

  @Override
  public Optional<Release> release(long id) {
    return db.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT * FROM deploy_releases WHERE id = ?")) {
            q.setLong(1, id);
            try (ResultSet rs = q.executeQuery()) {
              return rs.next() ? Optional.of(release(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public int failRunningReleases(String detail, Instant at) {
    return db.transaction(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement(
                  "UPDATE deploy_releases SET state = 'FAILED', detail = ? || CASE WHEN detail = '' THEN ''"
                      + " ELSE ' while ' || detail END, finished_at = ? WHERE state = 'RUNNING'")) {
            u.setString(1, detail);
            u.setLong(2, at.toEpochMilli());
            return u.executeUpdate();
          }
        });
  }

  @Override
  public void recordPhase(long id, String phase) {
    db.transaction(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement("UPDATE deploy_releases SET detail = ? WHERE id = ? AND state = 'RUNNING'")) {
            u.setString(1, phase);
            u.setLong(2, id);
            u.executeUpdate();
          }
          return null;
        });
  }

  @Override
  public boolean takenDown() {
    return db.read(
        c -> {
          try (PreparedStatement q = c.prepareStatement("SELECT taken_down FROM deploy_intent WHERE id = 1");
              ResultSet rs = q.executeQuery()) {
            return rs.next() && rs.getInt(1) != 0;
          }
        });
  }

  @Override
  public void recordTakenDown(boolean down) {
    db.transaction(
        c -> {
          try (PreparedStatement u =
              c.prepareStatement("INSERT OR REPLACE INTO deploy_intent (id, taken_down) VALUES (1, ?)")) {
            u.setInt(1, down ? 1 : 0);
            u.executeUpdate();
          }
          return null;
        });
  }

  private static Release release(ResultSet rs) throws SQLException {
    long finished = rs.getLong("finished_at");
    Optional<Instant> finishedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(finished));
    return new Release(
        rs.getLong("id"), rs.getString("project"), rs.getString("branch"), rs.getString("commit_hash"),
        rs.getString("commit_message"), BuildType.parse(rs.getString("build_type")), rs.getString("build_file"),
        split(rs.getString("env_names")), rs.getString("env_hash"),
        DeployRequest.Trigger.valueOf(rs.getString("trigger")), Release.State.valueOf(rs.getString("state")),
        rs.getString("detail"), Instant.ofEpochMilli(rs.getLong("started_at")), finishedAt, rs.getString("log"));
  }

  private static List<String> split(String joined) {
    if (joined == null || joined.isEmpty()) {
      return List.of();
    }
    return Arrays.asList(joined.split("\n"));
  }
}
