//===- Summary.cpp - The gate's verdicts for a reader ---------------------===//

#include "tollgate/Gate/Summary.h"

using namespace llvm;

namespace tollgate {

using namespace verify;

/// " (3 groups of actions)", for a policy that grants more than one group
/// of new access.
static std::string groupCount(const PolicyOutcome &O) {
  if (O.Groups < 2)
    return "";
  return " (" + std::to_string(O.Groups) + " groups of actions)";
}

void writeGateText(const GateResult &R, StringRef Base, raw_ostream &OS) {
  OS << "gate: compared with " << Base << " ("
     << StringRef(R.BaseCommit).take_front(12) << "): " << R.Changed.size()
     << " changed policy file" << (R.Changed.size() == 1 ? "" : "s") << '\n';
  for (const PolicyOutcome &O : R.Outcomes) {
    OS << "  ";
    if (O.Invalid)
      OS << "INVALID " << O.display()
         << ": the policy has errors; it was not verified\n";
    else if (O.R.V == Verdict::Fail)
      OS << "FAIL    " << O.display() << ": grants new access" << groupCount(O)
         << "\n";
    else if (O.R.V == Verdict::Unknown)
      OS << "UNKNOWN " << O.display() << ": " << O.R.Reason << '\n';
    else if (!O.Allowed.empty())
      OS << "PASS    " << O.display()
         << ": no new access beyond the allowed actions ("
         << O.Allowed.front()->Reason << ")\n";
    else
      OS << "PASS    " << O.display() << ": no new access\n";
  }
  OS << "gate: "
     << (R.failed()      ? "failed"
         : R.undecided() ? "undecided"
                         : "passed")
     << '\n';
}

void writeGateMarkdown(const GateResult &R, StringRef Base,
                       unsigned MaxFindings, raw_ostream &OS) {
  unsigned Failed = 0;
  for (const PolicyOutcome &O : R.Outcomes)
    Failed += O.failed();
  unsigned Findings = 0, Omitted = 0;
  for (const FileFindings &F : R.Findings) {
    for (const Diagnostic &D : F.Diags)
      Findings += !isGateCheck(D.Check);
    Omitted += F.omitted();
  }
  Findings += Omitted;
  OS << "### tollgate gate: ";
  if (Failed)
    OS << Failed << (Failed == 1 ? " policy grants" : " policies grant")
       << " new access\n\n";
  else
    OS << "no new access\n\n";
  OS << "Compared with `" << Base << "` (`"
     << StringRef(R.BaseCommit).take_front(12) << "`): " << R.Changed.size()
     << " changed policy file" << (R.Changed.size() == 1 ? "" : "s") << ", "
     << Findings << " lint finding" << (Findings == 1 ? "" : "s") << ".\n\n";
  if (!R.Outcomes.empty()) {
    OS << "| Policy | Result |\n| --- | --- |\n";
    for (const PolicyOutcome &O : R.Outcomes) {
      OS << "| `" << O.display() << "` | ";
      if (O.Invalid)
        OS << ":x: has errors, not verified";
      else if (O.R.V == Verdict::Fail)
        OS << ":x: grants new access" << groupCount(O)
           << (O.New ? " (new policy)" : "");
      else if (O.R.V == Verdict::Unknown)
        OS << ":grey_question: undecided: " << O.R.Reason;
      else if (!O.Allowed.empty())
        OS << ":white_check_mark: no new access beyond the allowed ("
           << O.Allowed.front()->Reason << ")";
      else
        OS << ":white_check_mark: no new access";
      OS << " |\n";
    }
    OS << '\n';
  }
  for (const PolicyOutcome &O : R.Outcomes) {
    if (O.CexText.empty())
      continue;
    OS << "<details><summary><code>" << O.display() << "</code>: "
       << (O.Groups > 1 ? "a request of each group it newly allows"
                        : "a request it newly allows")
       << "</summary>\n\n```text\n"
       << O.CexText << "```\n\n</details>\n\n";
  }
  if (!Findings)
    return;
  OS << "#### Lint findings\n\n";
  for (const FileFindings &F : R.Findings)
    for (const Diagnostic &D : F.Diags) {
      if (isGateCheck(D.Check))
        continue;
      OS << "- `" << (F.Source ? F.Source->name() : "");
      if (F.Source && F.Source->wasRead()) {
        Position P = F.Source->position(D.Range.Begin);
        OS << ":" << P.Line << ":" << P.Column;
      }
      OS << "` **" << severityName(D.Level) << "** " << D.Check->Code << " "
         << D.Check->Name << ": " << D.Message << "\n";
    }
  if (Omitted)
    OS << "\n"
       << Omitted << " more finding" << (Omitted == 1 ? " is" : "s are")
       << " not shown: at most " << MaxFindings
       << " per file (`--max-findings`).\n";
  OS << '\n';
}

} // namespace tollgate
