//===- SensitiveActions.cpp - Curated lists of sensitive actions ----------===//

#include "SensitiveActions.h"

#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/ErrorHandling.h"

using namespace llvm;

// rules/data/*.txt, linked in by tollgate_embed() (lib/Lint/CMakeLists.txt).
extern "C" const char tollgate_privesc_data_begin[];
extern "C" const char tollgate_privesc_data_end[];
extern "C" const char tollgate_sensitive_data_begin[];
extern "C" const char tollgate_sensitive_data_end[];

namespace tollgate {

const SensitiveActions &SensitiveActions::get() {
  static const SensitiveActions Data;
  return Data;
}

int SensitiveActions::index(StringRef FullName) const {
  // Lower-cased on the stack: this runs for every action a pattern grants.
  SmallString<64> Lower;
  Lower.resize(FullName.size());
  for (size_t I = 0; I < FullName.size(); ++I)
    Lower[I] = toLower(FullName[I]);
  auto It = Index.find(Lower);
  return It == Index.end() ? -1 : int(It->second);
}

unsigned SensitiveActions::intern(StringRef FullName) {
  auto [It, New] = Index.try_emplace(FullName.lower(), Names.size());
  if (New) {
    if (Names.size() == MaxTrackedActions)
      report_fatal_error(
          "rules/data lists more than MaxTrackedActions actions");
    Names.push_back(FullName.str());
  }
  return It->second;
}

/// Calls \p Fn with the tab-separated fields of every line of \p Text that
/// is neither blank nor a comment.
template <typename FnT> static void forEachRecord(StringRef Text, FnT Fn) {
  while (!Text.empty()) {
    StringRef Line;
    std::tie(Line, Text) = Text.split('\n');
    Line = Line.rtrim("\r");
    if (Line.trim().empty() || Line.startswith("#"))
      continue;
    SmallVector<StringRef, 6> Fields;
    Line.split(Fields, '\t', -1, /*KeepEmpty=*/false);
    Fn(Fields, Line);
  }
}

SensitiveActions::SensitiveActions() {
  StringRef Privesc(tollgate_privesc_data_begin,
                    tollgate_privesc_data_end - tollgate_privesc_data_begin);
  StringRef Sensitive(tollgate_sensitive_data_begin,
                      tollgate_sensitive_data_end -
                          tollgate_sensitive_data_begin);
  forEachRecord(Privesc, [&](ArrayRef<StringRef> F, StringRef Line) {
    if (F.size() < 4 || F[0] != "path")
      report_fatal_error(
          Twine("bad line in rules/data/privilege-escalation.txt: ") + Line);
    EscalationPath P;
    P.Name = F[1];
    P.Source = F[2];
    SmallVector<StringRef, 4> Actions;
    F[3].split(Actions, ',');
    for (StringRef A : Actions) {
      unsigned I = intern(A.trim());
      P.Actions.push_back(I);
      P.Mask.set(I);
    }
    for (StringRef Extra : F.drop_front(4))
      if (Extra.consume_front("passed-to="))
        P.PassedTo = Extra;
    Paths.push_back(std::move(P));
  });
  forEachRecord(Sensitive, [&](ArrayRef<StringRef> F, StringRef Line) {
    if (F.size() < 3)
      report_fatal_error(
          Twine("bad line in rules/data/sensitive-actions.txt: ") + Line);
    unsigned I = intern(F[1]);
    if (F[0] == "credentials-exposure")
      Credentials.set(I);
    else if (F[0] == "data-exfiltration")
      Exfiltration.set(I);
    else
      report_fatal_error(
          Twine("unknown category in rules/data/sensitive-actions.txt: ") +
          Line);
  });
  PassRole = intern("iam:PassRole");
  CreateSLR = intern("iam:CreateServiceLinkedRole");
  AssumeRole = intern("sts:AssumeRole");
}

} // namespace tollgate
