/// Parley's version, written into model files and outputs.
public enum ParleyVersion {
    /// The release version of this build.
    public static let current = "0.1.0"
}
