//===- ArnFormat.h - ARN formats of resource types as patterns --*- C++ -*-===//
///
/// \file
/// A resource type's ARN format, `arn:${Partition}:s3:::${BucketName}`, read
/// as a wildcard pattern, so that an ARN pattern from a policy can be tested
/// against it with Pattern::intersects().
///
/// An ARN is five colon-separated fields (`arn`, partition, service, region,
/// account) and a resource part. When the policy pattern has all five
/// colons, each field is matched on its own, so a `*` in the region of
/// `arn:aws:ec2:*:*:instance/*` cannot reach into the resource part; a
/// pattern with fewer colons (`arn:aws:s3*`) is matched as a whole.
///
/// A placeholder `${Name}` stands for one or more characters. Left at that,
/// `arn:aws:s3:::b/*` would be a bucket ARN (with BucketName `b/x`), so a
/// placeholder is kept from spanning the separators that delimit it:
///
///  - it never contains the `:` or `/` that immediately follows it in the
///    format (`${Region}:`, `${BucketName}/${ObjectName}`);
///  - a placeholder that is the whole resource part (`arn:...:${TopicName}`,
///    `arn:...:::${BucketName}`) contains neither `/` nor `:`;
///  - a placeholder whose name says it holds a path or an ARN (`Path` in the
///    name, or ending in `Arn`/`ARN`, as `${RoleNameWithPath}`) contains
///    anything.
///
/// Otherwise, notably at the end of the format, a placeholder may contain
/// `/` and `:`: `log-group:${LogGroupName}` matches `log-group:/aws/x/y:*`
/// (as log-group policies are commonly written), `function:${FunctionName}`
/// a qualified `function:f:prod`. These rules err towards "can match", which
/// keeps findings built on them free of false alarms. A literal `*` or `?` in
/// a format is a wildcard.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_CATALOG_ARNFORMAT_H
#define TOLLGATE_CATALOG_ARNFORMAT_H

#include "tollgate/Support/Pattern.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace tollgate {

/// The whole ARN format \p Format as a pattern, by the placeholder rules
/// above.
Pattern arnFormatPattern(llvm::StringRef Format);

/// \p Format with each placeholder `${Name}` replaced by \p Fill(Name); an
/// unterminated `${` is kept as text.
std::string
fillArnFormat(llvm::StringRef Format,
              llvm::function_ref<std::string(llvm::StringRef)> Fill);

/// True if some ARN matches both the policy ARN pattern \p ArnPattern (IAM
/// wildcards) and the ARN format \p Format, field by field as described
/// above. Case-sensitive, as IAM compares ARNs.
bool arnPatternCanMatchFormat(llvm::StringRef ArnPattern,
                              llvm::StringRef Format);

} // namespace tollgate

#endif // TOLLGATE_CATALOG_ARNFORMAT_H
