//===- Load.cpp - Reading policy documents --------------------------------===//

#include "tollgate/Parse/Load.h"
#include "tollgate/Json/Reader.h"
#include "tollgate/Parse/GrammarChecks.h"
#include "tollgate/Parse/Parser.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace tollgate {

bool LoadedPolicy::hasInputError() const {
  for (const Diagnostic &D : Diags)
    if (D.Check->IsInputError)
      return true;
  return false;
}

static Diagnostic makeDiagnostic(const CheckInfo &Check, Span Range,
                                 std::string Message) {
  Diagnostic D;
  D.Check = &Check;
  D.Level = Check.DefaultSeverity;
  D.Range = Range;
  D.Message = std::move(Message);
  return D;
}

static const CheckInfo &checkFor(json::ReadIssue::IssueKind K) {
  switch (K) {
  case json::ReadIssue::Syntax:
    return grammar::JsonSyntax;
  case json::ReadIssue::Encoding:
    return grammar::InvalidEncoding;
  case json::ReadIssue::TooDeep:
  case json::ReadIssue::NumberRange:
    return grammar::InputLimit;
  case json::ReadIssue::DuplicateKey:
    return grammar::DuplicateKey;
  }
  return grammar::JsonSyntax;
}

static LoadedPolicy inputError(StringRef Name, std::string Message) {
  LoadedPolicy Result;
  Result.Source = SourceFile::unread(Name.str());
  Result.Diags.push_back(
      makeDiagnostic(grammar::UnreadableFile, Span(), std::move(Message)));
  return Result;
}

LoadedPolicy loadPolicyFile(StringRef Path, const LoadOptions &Options) {
  if (Path != "-") {
    sys::fs::file_status Status;
    if (std::error_code EC = sys::fs::status(Path, Status))
      return inputError(Path, "cannot read file: " + EC.message());
    if (sys::fs::is_directory(Status))
      return inputError(Path, "is a directory, not a policy file");
    if (Status.getSize() > Options.MaxFileSize) {
      LoadedPolicy Result = inputError(Path, "");
      Result.Diags[0].Check = &grammar::InputLimit;
      Result.Diags[0].Message = "file is " + std::to_string(Status.getSize()) +
                                " bytes; tollgate reads files up to " +
                                std::to_string(Options.MaxFileSize) + " bytes";
      return Result;
    }
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFileOrSTDIN(Path, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  StringRef Name = Path == "-" ? StringRef("<stdin>") : Path;
  if (!Buffer)
    return inputError(Name, "cannot read file: " + Buffer.getError().message());
  if ((*Buffer)->getBufferSize() > Options.MaxFileSize)
    return inputError(Name, "input is larger than " +
                                std::to_string(Options.MaxFileSize) + " bytes");
  return loadPolicyText(Name, (*Buffer)->getBuffer().str(), Options);
}

LoadedPolicy loadPolicyText(StringRef Name, std::string Text,
                            const LoadOptions &Options) {
  LoadedPolicy Result;
  if (Text.size() >= (1ull << 32) - 1)
    return inputError(Name, "input is larger than 4 GiB");
  Result.Source = std::make_shared<SourceFile>(Name.str(), std::move(Text));

  json::ReadResult Read = json::read(Result.Source->text());
  for (json::ReadIssue &I : Read.Issues) {
    Diagnostic D = makeDiagnostic(checkFor(I.K), I.Range, I.Message);
    if (I.K == json::ReadIssue::DuplicateKey) {
      D.Message += "; IAM rejects or misreads duplicate keys, and JSON tools "
                   "silently keep only one of the values";
      D.Notes.push_back({I.Previous, "first defined here"});
    }
    Result.Diags.push_back(std::move(D));
  }
  if (!Read.Doc)
    return Result;

  PolicyType Type;
  if (Options.Type) {
    Type = *Options.Type;
  } else {
    Type = detectPolicyType(Read.Doc->root(), Result.TypeReason);
    Result.TypeAssumed = true;
  }
  Result.P = parsePolicy(Read.Doc->root(), Result.Source, Type, Result.Diags);
  return Result;
}

} // namespace tollgate
