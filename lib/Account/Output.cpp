//===- Output.cpp - Writing the answers about an account ------------------===//

#include "tollgate/Account/Output.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <nlohmann/json.hpp>

using namespace llvm;
using Json = nlohmann::ordered_json;

namespace tollgate {
namespace account {

namespace {

std::string where(const Account &A, Span S) {
  if (!A.Source || !A.Source->wasRead())
    return A.Source ? A.Source->name().str() : "<input>";
  Position P = A.Source->position(S.Begin);
  return (A.Source->name() + ":" + Twine(P.Line) + ":" + Twine(P.Column)).str();
}

Json header(const Account &A, StringRef Command) {
  return {{"command", Command.str()},
          {"account", A.Id},
          {"file", A.Source ? A.Source->name().str() : ""}};
}

void dump(const Json &J, raw_ostream &OS) {
  OS << J.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

Json citeJson(const StatementCite &C) {
  return {{"policy", C.Policy},
          {"statement", C.Statement},
          {"file", C.File},
          {"line", C.Line},
          {"pointer", C.Pointer}};
}

Json citesJson(ArrayRef<StatementCite> Cs) {
  Json J = Json::array();
  for (const StatementCite &C : Cs)
    J.push_back(citeJson(C));
  return J;
}

Json requestJson(const Request &R) {
  Json Ctx = Json::object();
  for (const ContextValue *V : R.Context.sorted()) {
    if (V->MultiValued)
      Ctx[V->Name] = V->Values;
    else
      Ctx[V->Name] = V->Values.front();
  }
  return {{"principal", R.Principal.Id},
          {"action", R.Action},
          {"resource", R.Resource},
          {"context", Ctx}};
}

void citeText(const StatementCite &C, raw_ostream &OS, StringRef Indent) {
  OS << Indent << C.Statement << " of " << C.Policy;
  if (C.Line)
    OS << " (" << C.File << ":" << C.Line << ")";
  OS << "\n";
}

Json summaryJson(const AccountSummary &S) {
  return {{"users", S.Users},
          {"groups", S.Groups},
          {"roles", S.Roles},
          {"managedPolicies", S.ManagedPolicies},
          {"documents", S.Documents},
          {"findings",
           {{"error", S.BySeverity[unsigned(Severity::Error)]},
            {"security", S.BySeverity[unsigned(Severity::Security)]},
            {"warning", S.BySeverity[unsigned(Severity::Warning)]},
            {"suggestion", S.BySeverity[unsigned(Severity::Suggestion)]}}}};
}

Json missingJson(ArrayRef<std::string> M) {
  return Json(std::vector<std::string>(M.begin(), M.end()));
}

} // namespace

std::string requestText(const Request &R,
                        const std::vector<std::string> *Keys) {
  std::string Out = R.Principal.Id + " " + R.Action + " " + R.Resource;
  for (const ContextValue *V : R.Context.sorted()) {
    if (Keys && !is_contained(*Keys, StringRef(V->Name).lower()))
      continue;
    Out += " " + V->Name + "=";
    if (V->MultiValued)
      Out += "[" + join(V->Values, ",") + "]";
    else
      Out += V->Values.front();
  }
  return Out;
}

void writeProblems(const Account &A, raw_ostream &OS) {
  for (const Problem &P : A.Problems) {
    OS << where(A, P.Range) << ": " << (P.Fatal ? "error" : "warning") << ": "
       << P.Message;
    if (!P.Pointer.empty())
      OS << " (at " << P.Pointer << ")";
    OS << "\n";
  }
}

void writeLintText(const Account &A, const LintResult &R, raw_ostream &OS) {
  for (const AccountFinding &F : R.Findings) {
    OS << where(A, F.D.Range) << ": " << severityName(F.D.Level) << ": "
       << F.D.Message << " [" << F.D.Check->Code << " " << F.D.Check->Name
       << "]\n";
    OS << "  in " << F.PolicyName;
    if (!F.Owner.empty())
      OS << " of " << F.Owner;
    OS << " at " << F.D.Pointer << "\n";
    if (!F.AttachedTo.empty())
      OS << "  attached to " << join(F.AttachedTo, ", ") << "\n";
  }
  const AccountSummary &S = R.Summary;
  OS << "account " << A.Id << ": " << S.Users << " users, " << S.Groups
     << " groups, " << S.Roles << " roles, " << S.ManagedPolicies
     << " managed policies; " << S.Documents
     << " policy documents linted: " << S.BySeverity[unsigned(Severity::Error)]
     << " errors, " << S.BySeverity[unsigned(Severity::Security)]
     << " security, " << S.BySeverity[unsigned(Severity::Warning)]
     << " warnings, " << S.BySeverity[unsigned(Severity::Suggestion)]
     << " suggestions\n";
}

void writeLintJson(const Account &A, const LintResult &R, raw_ostream &OS) {
  Json J = header(A, "lint");
  Json Fs = Json::array();
  for (const AccountFinding &F : R.Findings) {
    Position P = A.Source->position(F.D.Range.Begin);
    Json Notes = Json::array();
    for (const DiagNote &N : F.D.Notes)
      Notes.push_back({{"line", A.Source->position(N.Range.Begin).Line},
                       {"message", N.Message}});
    Fs.push_back({{"code", F.D.Check->Code},
                  {"check", F.D.Check->Name},
                  {"severity", severityName(F.D.Level).str()},
                  {"message", F.D.Message},
                  {"line", P.Line},
                  {"column", P.Column},
                  {"pointer", F.D.Pointer},
                  {"owner", F.Owner},
                  {"policy", F.PolicyName},
                  {"attachedTo", F.AttachedTo},
                  {"notes", Notes}});
  }
  J["findings"] = Fs;
  J["summary"] = summaryJson(R.Summary);
  dump(J, OS);
}

void writeWhoCanText(const Account &A, const WhoCanQuery &Q,
                     ArrayRef<WhoCanAnswer> R, raw_ostream &OS) {
  OS << "who can " << Q.Action << " on " << Q.Resource << " in account " << A.Id
     << ":\n";
  unsigned Counts[4] = {0, 0, 0, 0};
  for (const WhoCanAnswer &W : R) {
    ++Counts[unsigned(W.A)];
    if (W.A == Access::Cannot)
      continue;
    OS << "  " << W.P->label() << ": " << accessName(W.A) << "\n";
    if (W.Witness)
      OS << "    request: " << requestText(*W.Witness, &W.ShownKeys) << "\n";
    for (const StatementCite &C : W.Granting)
      citeText(C, OS, "    allowed by ");
    if (!W.How.empty())
      OS << "    " << W.How << "\n";
    for (const std::string &M : W.Missing)
      OS << "    not in the file: " << M << "\n";
  }
  OS << Counts[unsigned(Access::Can)] << " can, "
     << Counts[unsigned(Access::Conditions)] << " under other conditions, "
     << Counts[unsigned(Access::Cannot)] << " cannot, "
     << Counts[unsigned(Access::Unknown)] << " unknown\n";
}

void writeWhoCanJson(const Account &A, const WhoCanQuery &Q,
                     ArrayRef<WhoCanAnswer> R, raw_ostream &OS) {
  Json J = header(A, "who-can");
  J["action"] = Q.Action;
  J["resource"] = Q.Resource;
  Json Ps = Json::array();
  for (const WhoCanAnswer &W : R) {
    Json E = {{"principal", W.P->label()},
              {"arn", W.P->Arn},
              {"access", accessName(W.A).str()}};
    if (W.Witness)
      E["request"] = requestJson(*W.Witness);
    if (!W.Granting.empty())
      E["allowedBy"] = citesJson(W.Granting);
    if (!W.How.empty())
      E["how"] = W.How;
    if (!W.Missing.empty())
      E["missing"] = missingJson(W.Missing);
    Ps.push_back(E);
  }
  J["principals"] = Ps;
  dump(J, OS);
}

void writeAdminsText(const Account &A, ArrayRef<AdminAnswer> R,
                     raw_ostream &OS) {
  unsigned Counts[4] = {0, 0, 0, 0};
  for (const AdminAnswer &W : R) {
    ++Counts[unsigned(W.V)];
    if (W.V == AdminVerdict::NotAdmin)
      continue;
    OS << W.P->label() << ": " << adminVerdictName(W.V) << "\n";
    for (const StatementCite &C : W.Granting)
      citeText(C, OS, "  allowed by ");
    for (const std::string &C : W.Conditions)
      OS << "  when " << C << "\n";
    if (W.Denied)
      OS << "  "
         << (W.V == AdminVerdict::NotAdmin ? "denied" : "denied otherwise")
         << ": " << requestText(*W.Denied, &W.ShownKeys) << "\n";
    if (W.V == AdminVerdict::Unknown)
      OS << "  " << W.Reason << "\n";
    for (const std::string &M : W.Missing)
      OS << "  not in the file: " << M << "\n";
  }
  OS << "account " << A.Id << ": " << Counts[unsigned(AdminVerdict::Admin)]
     << " administrators (proved), "
     << Counts[unsigned(AdminVerdict::AdminConditional)]
     << " under conditions, " << Counts[unsigned(AdminVerdict::NotAdmin)]
     << " not, " << Counts[unsigned(AdminVerdict::Unknown)] << " unknown\n";
}

void writeAdminsJson(const Account &A, ArrayRef<AdminAnswer> R,
                     raw_ostream &OS) {
  Json J = header(A, "admins");
  Json Ps = Json::array();
  for (const AdminAnswer &W : R) {
    Json E = {{"principal", W.P->label()},
              {"arn", W.P->Arn},
              {"verdict", adminVerdictName(W.V).str()}};
    if (!W.Granting.empty())
      E["allowedBy"] = citesJson(W.Granting);
    if (!W.Conditions.empty())
      E["conditions"] = W.Conditions;
    if (W.Denied)
      E["denied"] = requestJson(*W.Denied);
    if (!W.Reason.empty())
      E["reason"] = W.Reason;
    if (!W.Missing.empty())
      E["missing"] = missingJson(W.Missing);
    Ps.push_back(E);
  }
  J["principals"] = Ps;
  dump(J, OS);
}

void writeExternalText(const Account &A, ArrayRef<ExternalAccess> R,
                       raw_ostream &OS) {
  for (const ExternalAccess &E : R) {
    OS << E.Role->label() << ": assumable by " << E.Who << " ("
       << externalKindName(E.Kind) << ")"
       << (E.Unconditional ? "" : " under conditions") << "\n";
    citeText(E.Statement, OS, "  allowed by ");
    for (const std::string &C : E.Conditions)
      OS << "  when " << C << "\n";
    if (E.Unconditional)
      OS << "  replayed: " << E.Caller << " " << E.Action << " allowed\n";
  }
  OS << "account " << A.Id << ": " << R.size()
     << " ways in from outside the account\n";
}

void writeExternalJson(const Account &A, ArrayRef<ExternalAccess> R,
                       raw_ostream &OS) {
  Json J = header(A, "external");
  Json Es = Json::array();
  for (const ExternalAccess &E : R)
    Es.push_back({{"role", E.Role->label()},
                  {"arn", E.Role->Arn},
                  {"kind", externalKindName(E.Kind).str()},
                  {"principal", E.Who},
                  {"caller", E.Caller},
                  {"action", E.Action},
                  {"unconditional", E.Unconditional},
                  {"conditions", E.Conditions},
                  {"allowedBy", citeJson(E.Statement)}});
  J["external"] = Es;
  dump(J, OS);
}

void writeEscalationText(const Account &A, const EscalationGraph &G,
                         raw_ostream &OS) {
  for (const EscalationPath &P : G.Paths) {
    OS << G.Nodes[P.Start].Label << " can become an administrator:\n";
    for (size_t E : P.Edges) {
      const EscalationEdge &Ed = G.Edges[E];
      OS << "  -> " << G.Nodes[Ed.To].Label << " by " << Ed.Technique << " ("
         << Ed.Source << ")\n";
      for (const EdgeStep &S : Ed.Steps) {
        OS << "     " << S.Action << " on " << S.Resource << "\n";
        for (const StatementCite &C : S.Because)
          citeText(C, OS, "       allowed by ");
      }
    }
  }
  for (const std::string &U : G.Unknown)
    OS << "unknown: " << U << "\n";
  unsigned Admins = 0;
  for (const EscalationNode &N : G.Nodes)
    Admins += N.Admin && !N.Arn.empty();
  OS << "account " << A.Id << ": " << G.Edges.size() << " edges, " << Admins
     << " administrators, " << G.Paths.size()
     << " principals that can become one\n";
}

void writeEscalationJson(const Account &A, const EscalationGraph &G,
                         raw_ostream &OS) {
  Json J = header(A, "escalation");
  Json Ns = Json::array();
  for (const EscalationNode &N : G.Nodes)
    Ns.push_back({{"id", N.Label}, {"arn", N.Arn}, {"admin", N.Admin}});
  Json Es = Json::array();
  for (const EscalationEdge &E : G.Edges) {
    Json Steps = Json::array();
    for (const EdgeStep &S : E.Steps)
      Steps.push_back({{"action", S.Action},
                       {"resource", S.Resource},
                       {"allowedBy", citesJson(S.Because)}});
    Es.push_back({{"from", G.Nodes[E.From].Label},
                  {"to", G.Nodes[E.To].Label},
                  {"technique", E.Technique},
                  {"source", E.Source},
                  {"steps", Steps}});
  }
  Json Ps = Json::array();
  for (const EscalationPath &P : G.Paths) {
    Json Via = Json::array();
    for (size_t E : P.Edges)
      Via.push_back({{"to", G.Nodes[G.Edges[E].To].Label},
                     {"technique", G.Edges[E].Technique}});
    Ps.push_back({{"principal", G.Nodes[P.Start].Label}, {"path", Via}});
  }
  J["nodes"] = Ns;
  J["edges"] = Es;
  J["paths"] = Ps;
  J["unknown"] = G.Unknown;
  dump(J, OS);
}

static std::string dotQuote(StringRef S) {
  std::string Out = "\"";
  for (char C : S) {
    if (C == '"' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out + "\"";
}

void writeEscalationDot(const Account &A, const EscalationGraph &G,
                        raw_ostream &OS) {
  OS << "digraph escalation {\n  rankdir=LR;\n  label="
     << dotQuote("privilege escalation in account " + A.Id)
     << ";\n  node [shape=box, fontname=\"Helvetica\"];\n";
  // Only nodes on some edge, so that a large account stays readable.
  std::vector<bool> Used(G.Nodes.size(), false);
  for (const EscalationEdge &E : G.Edges)
    Used[E.From] = Used[E.To] = true;
  for (size_t I = 0; I < G.Nodes.size(); ++I) {
    if (!Used[I])
      continue;
    OS << "  n" << I << " [label=" << dotQuote(G.Nodes[I].Label);
    if (G.Nodes[I].Admin)
      OS << ", style=filled, fillcolor=\"#f4cccc\"";
    OS << "];\n";
  }
  for (const EscalationEdge &E : G.Edges)
    OS << "  n" << E.From << " -> n" << E.To
       << " [label=" << dotQuote(E.Technique) << "];\n";
  OS << "}\n";
}

} // namespace account
} // namespace tollgate
