@testable import VerdictREPL

/// The REPL target's files, in `Scratch.directory`: the only ones its sessions may read and write.
enum Workspace {
  /// The scratch directory, with the fixtures written on first use.
  static let directory: String = {
    for (name, text) in fixtures { Scratch.write(Scratch.path(name), Array(text.utf8)) }
    return Scratch.directory
  }()

  static var saved: String { Scratch.path("saved.verdict") }

  static let policies = ["firing.verdict", "broken.verdict", "saved.verdict"]
  static let dataFiles = ["clients.csv", "clients.json", "clients.jsonl", "german.csv", "broken.csv"]

  static let fixtures: [(name: String, text: String)] = [
    (
      "firing.verdict",
      """
      field payment_delay: duration in days
      field revisions: number
      field outstanding: money in EUR
      field project_end: date
      field disrespectful: bool

      let slow = payment_delay > 30d

      rule "owes money"
        when slow and outstanding > 0€
        then recommend fire hold until paid

      when revisions > 5 and project_end > today then recommend review notice days_until(project_end)
      when disrespectful then recommend fire notice 30d

      example "fine" { payment_delay: 2d, revisions: 1 } expect keep

      """
    ),
    ("broken.verdict", "when payment_delay > 30 then recommend fire\nrule \"x\" when\n"),
    (
      "clients.csv",
      """
      id,name,payment_delay,revisions,outstanding,project_end,disrespectful
      C1,Nordlicht Bakery,4,2,0.00,2027-03-31,false
      C2,"Hartmann Logistics, GmbH",52,3,3150.00,2027-01-31,false
      C3,Blue Fern Yoga,,9,,2026-12-18,true

      """
    ),
    (
      "clients.json",
      """
      [{"id": "J1", "payment_delay": 4, "revisions": 2, "outstanding": "0.00", "project_end": "2027-03-31"},
       {"id": "J2", "payment_delay": null, "revisions": [1], "disrespectful": true}]
      """
    ),
    ("clients.jsonl", "{\"id\": \"L1\", \"payment_delay\": 45, \"outstanding\": 12.5}\n{\"id\": 2}\nnot json\n"),
    ("german.csv", "id;payment_delay;outstanding\nD1;45;1.234,56\nD2;3;0,50\n"),
    ("broken.csv", "id,payment_delay\nX1,\"45\nX2,3\n"),
  ]

  /// The entry, with the file of a `:load`, `:data` or `:save` replaced by one of the workspace's
  /// (chosen by the length of the name typed).
  static func confined(_ entry: String) -> String {
    let trimmed = entry.trimmed
    guard trimmed.hasPrefix(":"), case .success(let command) = MetaCommand.parse(trimmed) else { return entry }
    switch command {
    case .load(let path): return ":load " + directory + "/" + policies[path.utf8.count % policies.count]
    case .data(let path): return ":data " + directory + "/" + dataFiles[path.utf8.count % dataFiles.count]
    case .save: return ":save " + saved
    case .help, .clients, .client, .records, .set, .run, .explain, .tree, .rules, .drop, .type, .reset, .quit:
      return entry
    }
  }
}
