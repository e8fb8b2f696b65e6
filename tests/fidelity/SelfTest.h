//===- SelfTest.h - The realism checker on known requests -------*- C++ -*-===//
///
/// \file
/// The realism checker must pass a real request and catch each rule's
/// breach; the harness runs this before anything else, so a checker that
/// accepts everything cannot go unnoticed.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_TESTS_FIDELITY_SELFTEST_H
#define TOLLGATE_TESTS_FIDELITY_SELFTEST_H

#include "tollgate/Catalog/Catalog.h"

#include <string>
#include <vector>

namespace tollgate {
namespace fidelity {

/// The cases whose verdict was not the expected one, described.
std::vector<std::string> selfTestRealism(const Catalog &Cat);

} // namespace fidelity
} // namespace tollgate

#endif // TOLLGATE_TESTS_FIDELITY_SELFTEST_H
