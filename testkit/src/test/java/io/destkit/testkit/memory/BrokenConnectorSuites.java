package io.destkit.testkit.memory;

/**
 * The suite against deliberately broken destinations. Not run by the build directly (the name has no Test):
 * {@link io.destkit.testkit.suite.SuiteCatchesBrokenConnectorsTest} runs each with the JUnit Platform launcher and
 * checks that the test named for the bug fails.
 */
public final class BrokenConnectorSuites {
  private BrokenConnectorSuites() {}

  /** Echoes states before the records before them are committed. */
  public static final class EchoesStatesBeforeCommitting extends MemorySuite {
    public EchoesStatesBeforeCommitting() {
      super(MemoryDestination.Flaw.COMMITS_ONLY_AT_CLOSE);
    }
  }

  /** Never stores the last field of a stream. */
  public static final class DropsAField extends MemorySuite {
    public DropsAField() {
      super(MemoryDestination.Flaw.DROPS_THE_LAST_FIELD);
    }
  }

  /** Stores null in primary key fields. */
  public static final class NullsThePrimaryKey extends MemorySuite {
    public NullsThePrimaryKey() {
      super(MemoryDestination.Flaw.NULLS_THE_PRIMARY_KEY);
    }
  }

  /** Takes staged files unchecked: a file cut short, a path out of the destination. */
  public static final class TrustsStagedFiles extends MemorySuite {
    public TrustsStagedFiles() {
      super(MemoryDestination.Flaw.TRUSTS_STAGED_FILES);
    }
  }

  /** Forgets the keys deleted at the source, so that an older version brings a row back. */
  public static final class ForgetsDeletedKeys extends MemorySuite {
    public ForgetsDeletedKeys() {
      super(MemoryDestination.Flaw.FORGETS_DELETED_KEYS);
    }
  }

  /** Matches primary keys with a null part, so that one such record replaces another. */
  public static final class MatchesNullKeyParts extends MemorySuite {
    public MatchesNullKeyParts() {
      super(MemoryDestination.Flaw.MATCHES_NULL_KEY_PARTS);
    }
  }
}
