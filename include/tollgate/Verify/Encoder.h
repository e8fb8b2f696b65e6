//===- Encoder.h - Policy sets as terms -------------------------*- C++ -*-===//
///
/// \file
/// Turns "the policy set allows the request" into a term, for requests whose
/// finite parts are fixed: the action (a concrete action, or one symbolic
/// action standing for every action that no policy names literally), the
/// caller, and whether the resource is in the caller's account. What stays
/// symbolic is the resource ARN (six fields) and the request context (per
/// condition key: presence, single or multivalued, and typed values).
///
/// The encoding mirrors the concrete evaluator (lib/Eval) step by step, and
/// every construct it cannot express exactly is reported as unsupported
/// instead of being approximated.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_VERIFY_ENCODER_H
#define TOLLGATE_VERIFY_ENCODER_H

#include "tollgate/Eval/Evaluator.h"
#include "tollgate/Eval/Request.h"
#include "tollgate/Eval/Values.h"
#include "tollgate/Request/RequestModel.h"
#include "tollgate/Verify/ActionIndex.h"
#include "tollgate/Verify/Term.h"

#include "llvm/ADT/StringMap.h"

#include <map>
#include <string>
#include <vector>

namespace tollgate {
struct ActionInfo;
namespace verify {

/// The finite part of a request.
struct Coordinate {
  /// The action folded to lower case; empty for the symbolic action.
  std::string Action;
  Caller Principal;
  bool SameAccount = true;
  /// The caller stands for every caller of its kind in its account that no
  /// policy names: under the request model its name is free (within its
  /// kind's ARN form), and decode() writes the name the model chose.
  bool GenericCaller = false;
  /// The catalog actions the action stands for (its action group): the
  /// request model allows the resources and keys of any of them.
  std::vector<const ActionInfo *> Members;
};

/// How the values of one condition key are modelled.
enum class KeyKind : uint8_t { String, Numeric, Date, Ip };

/// The variables of one condition key.
struct KeyVars {
  std::string Name;     ///< Folded.
  std::string Spelling; ///< As a request writes it.
  KeyKind Kind = KeyKind::String;
  Term Present = nullptr, Multi = nullptr;
  /// One value: the single value, or a slot of the multivalued set.
  struct Value {
    Term Str = nullptr;                    ///< String keys.
    Term Valid = nullptr, Empty = nullptr; ///< Typed keys: parsed, or "".
    Term Num = nullptr;                    ///< Real (Numeric) or Int (Date).
    Term V6 = nullptr, Addr = nullptr; ///< Ip: 128 bits, IPv4 in the top 32.
    Term Used = nullptr;               ///< Slots: the element exists.
  };
  Value Single;
  std::vector<Value> Slots;
  /// Literal values of the policies (for witnesses and outsider checks).
  std::vector<std::string> Literals;
};

/// Encodes policy sets over one shared set of variables, so that terms of
/// two sets (old and new) can be combined in one query.
class Encoder {
public:
  /// \p Policies: every policy of every set the query mentions (to size the
  /// multivalued keys and fix each key's kind before encoding).
  Encoder(TermContext &Ctx, llvm::ArrayRef<const Policy *> Policies);

  /// The set allows the request at \p C.
  ///
  /// Past the term context's deadline (TermContext::setDeadline) allowed()
  /// and scope() stop early and their terms mean nothing: a caller checks
  /// the deadline after each call and drops the term.
  Term allowed(const PolicySet &Set, const Coordinate &C);

  /// Some Allow statement of \p Scope matches the request (action,
  /// resource and conditions; principals are not consulted).
  Term scope(const Policy &Scope, const Coordinate &C);

  /// Constraints every request satisfies (canonical lower-case prefix
  /// fields, no `:` in them, typed-value sanity, the symbolic action
  /// differing from every literal action pattern); conjoin to queries.
  Term domain();
  /// Strings a `?` reads are well-formed UTF-8, as in every request (JSON).
  /// Apart from domain(): a query without it is weaker, so its `unsat` is
  /// a proof, and the solver finds that faster; only a model that breaks
  /// it needs a second query with it.
  Term wellFormed();

  /// Confines requests to those AWS can send (RequestModel.h): realistic()
  /// then ties keys to the caller, types and cardinality to the catalog, and
  /// the resource to the action's ARN formats, in one of \p Accounts (the
  /// accounts the policies name and one they do not). Without a model every
  /// string is a possible value (the textual model).
  /// With \p FreeResources the resource stays any string (policies whose
  /// resources are computed at deployment).
  void setModel(const request::RequestModel *M,
                std::vector<std::string> Accounts, bool FreeResources = false);

  /// The request model's constraints at \p C (true without a model),
  /// except resourceFormats().
  Term realistic(const Coordinate &C);
  /// The resource has one of the ARN formats of \p C's actions (true
  /// without a model, for unknown actions and with free resources). Apart
  /// from realistic(), as wellFormed() is from domain(): for a large action
  /// group it is a disjunction of thousands of formats that the solver is
  /// slow to take in, and most models fit a format without it.
  Term resourceFormats(const Coordinate &C);

  /// The value \p V of an IP key lies in \p Net.
  Term inNetwork(const KeyVars::Value &V, const IpNetwork &Net);

  /// The first construct that could not be encoded at all, or "".
  const std::string &unsupported() const { return Unsupported; }

  /// The first construct encoded as an opaque Boolean, or "". A sub-formula
  /// the encoding cannot express (a policy variable in an ARN condition,
  /// say) becomes a fresh variable `opaque.N`, free to take either value:
  /// the query then over-approximates the policies, so an unsatisfiable
  /// query is still a proof, while a model is only a candidate that the
  /// evaluator must confirm.
  const std::string &opaque() const { return Opaque; }
  static bool isOpaqueVar(Term V) {
    return llvm::StringRef(V->Text).startswith("opaque.");
  }

  /// Decodes a model (values by variable) into a request at \p C.
  /// Returns false (with a reason in \p Why) when a value cannot be written.
  bool decode(const Assignment &Model, const Coordinate &C, Request &Out,
              std::string &Why) const;
  /// The values of the variables for a concrete request (the inverse of
  /// decode), for tests.
  Assignment assignmentFor(const Request &R) const;

  /// Without action groups the symbolic action stands for every action,
  /// literal ones included (the direct encoding, for measurements).
  void setDirectActions(bool D) { DirectActions = D; }

  Term actionVar() const { return ActionVar; }
  Term resourceIsArn() const { return IsArn; }
  Term resourceField(unsigned I) const { return Fields[I]; }
  const std::map<std::string, KeyVars> &keys() const { return Keys; }
  /// The literal (wildcard-free, folded) action patterns of the policies.
  const std::vector<std::string> &literalActions() const {
    return LiteralActions;
  }

private:
  struct Impl;
  friend struct Impl;
  TermContext &Ctx;
  Term ActionVar = nullptr, IsArn = nullptr;
  /// The account that owns the resource (the request model only).
  Term ResourceAccount = nullptr;
  const request::RequestModel *Model = nullptr;
  std::vector<std::string> Accounts;
  bool FreeResources = false;
  /// ARNs of the principals the policies name (for generic callers).
  std::vector<std::string> NamedPrincipals;
  std::array<Term, 6> Fields{};
  /// The term of each pattern of each resource field, made once: every
  /// coordinate encodes the same statements again, and a pattern may be a
  /// megabyte long.
  std::array<llvm::StringMap<Term>, 6> FieldMatches;
  std::map<std::string, KeyVars> Keys;
  std::vector<std::string> LiteralActions;
  std::string Unsupported;
  std::string Opaque;
  unsigned OpaqueCount = 0;
  /// The fields of a string that an ARN condition with a policy variable
  /// reads: defined by domain() (the string is x0:x1:x2:x3:x4:rest when it
  /// is an ARN), so they are functions of the string and safe to use under
  /// negation.
  struct ArnSplit {
    Term S = nullptr, Valid = nullptr, Rest = nullptr;
    std::array<Term, 5> X{};
  };
  std::vector<ArnSplit> ArnSplits;
  const ArnSplit &arnSplit(Term S);
  Term opaque(llvm::StringRef Why);
  bool DirectActions = false;
  /// Each policy's statements by the actions they can match, made on first
  /// use: every coordinate encodes the same policies again.
  std::map<const Policy *, ActionIndex> Indexes;
  ActionIndex &actionIndex(const Policy &P);
  /// Some action of \p Members has the key \p Key in its requests
  /// (RequestModel::keyReaches()). Remembered for the last members: every
  /// caller of an action group asks the same for each key.
  bool reachesSome(const std::vector<const ActionInfo *> &Members,
                   llvm::StringRef Key);
  std::vector<const ActionInfo *> ReachMembers;
  llvm::StringMap<bool> Reaches;
  void unsupported(llvm::StringRef Why);
  KeyVars &key(llvm::StringRef Folded);
};

} // namespace verify
} // namespace tollgate

#endif // TOLLGATE_VERIFY_ENCODER_H
