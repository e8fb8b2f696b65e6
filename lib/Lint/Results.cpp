//===- Results.cpp - What a lint run found, put together ------------------===//

#include "tollgate/Lint/Results.h"

#include "tollgate/Parse/GrammarChecks.h"

namespace tollgate {

void addUnreadable(
    std::vector<FileFindings> &Results,
    llvm::ArrayRef<std::pair<std::string, std::string>> Unreadable) {
  for (const auto &[Path, Why] : Unreadable) {
    FileFindings F;
    F.Source = SourceFile::unread(Path);
    Diagnostic D;
    D.Check = &grammar::UnreadableFile;
    D.Level = D.Check->DefaultSeverity;
    D.Message = "cannot read: " + Why;
    F.Diags.push_back(std::move(D));
    Results.push_back(std::move(F));
  }
}

std::vector<std::pair<std::string, std::string>>
takeSkipped(std::vector<FileFindings> &Results) {
  std::vector<std::pair<std::string, std::string>> Skipped;
  std::vector<FileFindings> Kept;
  for (FileFindings &F : Results) {
    if (F.Skipped)
      Skipped.push_back({F.Source->name().str(), *F.Skipped});
    else
      Kept.push_back(std::move(F));
  }
  Results = std::move(Kept);
  return Skipped;
}

FindingsStatus findingsStatus(llvm::ArrayRef<FileFindings> Results,
                              Severity FailOn) {
  FindingsStatus S;
  for (const FileFindings &F : Results)
    for (const Diagnostic &D : F.Diags) {
      S.InputError |= D.Check->IsInputError;
      S.Failed |= D.Level >= FailOn;
    }
  return S;
}

} // namespace tollgate
