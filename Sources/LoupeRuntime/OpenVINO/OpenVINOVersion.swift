/// The linked OpenVINO runtime's version, for reports.
public enum OpenVINOVersion {
  public static var current: String { OpenVINOCore.version }
}
