//===- TypedTermTests.cpp - Every constructor checks its sorts ------------===//
///
/// \file
/// An ill-typed term is recorded in the context and yields false; it never
/// reaches a solver as an ill-sorted formula.
///
//===----------------------------------------------------------------------===//

#include "tollgate/Verify/Term.h"

#include <catch2/catch.hpp>

#include <functional>

using namespace tollgate;
using namespace tollgate::verify;

namespace {

struct Vars {
  TermContext Ctx;
  Term B = Ctx.var("b", Sort::Bool);
  Term S = Ctx.var("s", Sort::String);
  Term I = Ctx.var("i", Sort::Int);
  Term R = Ctx.var("r", Sort::Real);
  Term V24 = Ctx.var("v24", Sort::BitVec, 24);
  Term V21 = Ctx.var("v21", Sort::BitVec, 21);
};

/// Builds one term with \p Build and expects it rejected.
void rejects(const char *What, const std::function<Term(Vars &)> &Build) {
  Vars X;
  REQUIRE(X.Ctx.typeError().empty());
  Term T = Build(X);
  INFO(What);
  CHECK(T == X.Ctx.falseTerm());
  CHECK_FALSE(X.Ctx.typeError().empty());
}

} // namespace

TEST_CASE("ill-typed terms are caught by every constructor family",
          "[verify][term]") {
  rejects("bit-vector variable without a width",
          [](Vars &X) { return X.Ctx.var("w", Sort::BitVec); });
  rejects("string variable with a width",
          [](Vars &X) { return X.Ctx.var("w", Sort::String, 8); });
  uint8_t Two[] = {1, 2};
  rejects("constant of the wrong byte count",
          [&](Vars &X) { return X.Ctx.bvConst(Two, 24); });
  uint8_t Wide[] = {0xFF, 0xFF, 0xFF};
  rejects("constant with bits above its width",
          [&](Vars &X) { return X.Ctx.bvConst(Wide, 21); });
  rejects("not of a string", [](Vars &X) { return X.Ctx.mkNot(X.S); });
  rejects("and of a string", [](Vars &X) { return X.Ctx.mkAnd(X.B, X.S); });
  rejects("or of an integer", [](Vars &X) { return X.Ctx.mkOr(X.I, X.B); });
  rejects("ite on a string condition",
          [](Vars &X) { return X.Ctx.mkIte(X.S, X.I, X.I); });
  rejects("ite of two sorts",
          [](Vars &X) { return X.Ctx.mkIte(X.B, X.S, X.I); });
  rejects("ite of two widths",
          [](Vars &X) { return X.Ctx.mkIte(X.B, X.V24, X.V21); });
  rejects("equality of two sorts",
          [](Vars &X) { return X.Ctx.mkEq(X.S, X.I); });
  rejects("equality of two widths",
          [](Vars &X) { return X.Ctx.mkEq(X.V24, X.V21); });
  rejects("concatenation of an integer", [](Vars &X) {
    return X.Ctx.mkConcat({X.S, X.I});
  });
  rejects("glob on an integer",
          [](Vars &X) { return X.Ctx.mkInGlob(X.I, Pattern::parse("a*")); });
  rejects("prefixof of a Boolean",
          [](Vars &X) { return X.Ctx.mkPrefixOf(X.B, X.S); });
  rejects("suffixof of a real",
          [](Vars &X) { return X.Ctx.mkSuffixOf(X.S, X.R); });
  rejects("contains of a bit-vector",
          [](Vars &X) { return X.Ctx.mkContains(X.S, X.V24); });
  rejects("noupper of an integer",
          [](Vars &X) { return X.Ctx.mkNoUpper(X.I); });
  rejects("validutf8 of an integer",
          [](Vars &X) { return X.Ctx.mkValidUtf8(X.I); });
  rejects("length of a Boolean", [](Vars &X) { return X.Ctx.mkLength(X.B); });
  rejects("indexof from a string position",
          [](Vars &X) { return X.Ctx.mkIndexOf(X.S, X.S, X.S); });
  rejects("sum of a real", [](Vars &X) { return X.Ctx.mkAdd(X.I, X.R); });
  rejects("integer below a real", [](Vars &X) { return X.Ctx.mkLt(X.I, X.R); });
  rejects("string at most a string",
          [](Vars &X) { return X.Ctx.mkLe(X.S, X.S); });
  rejects("comparison of bit-vectors",
          [](Vars &X) { return X.Ctx.mkLt(X.V24, X.V24); });
  rejects("extraction from a string",
          [](Vars &X) { return X.Ctx.mkExtract(X.S, 0, 8); });
  rejects("extraction past the top bit",
          [](Vars &X) { return X.Ctx.mkExtract(X.V21, 8, 14); });
  rejects("extraction of no bits",
          [](Vars &X) { return X.Ctx.mkExtract(X.V24, 3, 0); });
}

TEST_CASE("well-typed terms record no error", "[verify][term]") {
  Vars X;
  TermContext &C = X.Ctx;
  uint8_t Net[] = {0x0A, 0x00, 0x00}; // 10.0.0 in 24 bits
  Term Const = C.bvConst(Net, 24);
  // Bits 23..3 of a 24-bit value: the /21 of 10.0.0.0.
  Term Eq = C.mkEq(C.mkExtract(X.V24, 3, 21), C.mkExtract(Const, 3, 21));
  Term Str = C.mkAnd({C.mkInGlob(X.S, Pattern::parse("a?*")),
                      C.mkPrefixOf(C.strConst("a"), X.S),
                      C.mkLe(C.mkAdd(C.mkLength(X.S), C.intConst(1)),
                             C.mkIndexOf(X.S, C.strConst("b"), X.I)),
                      C.mkValidUtf8(X.S), C.mkNoUpper(X.S)});
  Term Num = C.mkLt(X.R, C.realConst(1.5));
  Term All = C.mkAnd({Eq, Str, Num, C.mkEq(X.V21, C.mkExtract(X.V24, 0, 21)),
                      C.mkIte(X.B, X.B, C.mkNot(X.B))});
  CHECK(C.typeError().empty());
  CHECK(All != C.falseTerm());
  CHECK(Eq->Args.size() == 2);
  CHECK(Eq->Args[0]->Width == 21);
}

TEST_CASE("extraction from a constant keeps the width", "[verify][term]") {
  TermContext C;
  uint8_t Addr[] = {10, 0, 8, 1};
  Term K = C.bvConst(Addr, 32);
  Term Top20 = C.mkExtract(K, 12, 20);
  CHECK(Top20->K == TermKind::BvConst);
  CHECK(Top20->Width == 20);
  // 10.0.8.1 >> 12 = 0x00A00 (the bits above bit 20 are zero).
  CHECK(Top20->Text == std::string("\x00\xA0\x00", 3));
  CHECK(C.typeError().empty());
}
