package io.destkit.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on the {@link Destination} class, a release that breaks what users have: configs that no longer validate,
 * a sync mode no longer offered, data written differently. Each one becomes an entry of
 * {@code releases.breakingChanges} in {@code metadata.yaml}, which the platform shows to users before they upgrade;
 * keep them all, one per breaking release.
 *
 * <p>When the build compares the spec with the last released one (processor option {@code destkit.releasedSpec}) and
 * finds a breaking change, it passes only if a {@code @BreakingChange} is declared for the version being built
 * (processor option {@code destkit.connectorVersion}, its {@code -SNAPSHOT} or other qualifier left out).
 *
 * <pre>{@code
 * @BreakingChange(version = "2.0.0", upgradeDeadline = "2025-09-30",
 *     message = "The SSL setting is now a choice of modes: set database.ssl_mode, then test the connection again.")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(BreakingChanges.class)
public @interface BreakingChange {
  /**
   * The release that breaks, {@code x.y.z}: a new major version ({@code x.0.0}), or a new minor one before 1.0.0
   * ({@code 0.y.0}), as Airbyte's versioning rules ask.
   */
  String version();

  /** The date ({@code YYYY-MM-DD}) by which users should upgrade. */
  String upgradeDeadline();

  /** What changed and what users must do, e.g. which setting to fill in. */
  String message();
}
