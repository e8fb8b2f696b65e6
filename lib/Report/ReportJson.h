//===- ReportJson.h - JSON helpers shared by the reporters ------*- C++ -*-===//

#ifndef TOLLGATE_LIB_REPORT_REPORTJSON_H
#define TOLLGATE_LIB_REPORT_REPORTJSON_H

#include "tollgate/Support/Source.h"

#include <nlohmann/json.hpp>

namespace tollgate {

/// {"start": {line, column, offset}, "end": {...}} for \p Range.
nlohmann::ordered_json spanJson(const SourceFile &Src, Span Range);

} // namespace tollgate

#endif // TOLLGATE_LIB_REPORT_REPORTJSON_H
