//===- ImageFormat.h - The catalog's binary image -------------*- C++ -*-===//
///
/// \file
/// The layout of the catalog image that the build compiles from the text
/// catalog (tools/catalog-image) and the binary embeds. Every table of the
/// loaded Catalog is stored in its final order, with indexes in place of
/// pointers and (offset, size) pairs into one string pool in place of
/// StringRefs, so loading is a single pass that turns indexes into pointers:
/// no text is split, nothing is searched or sorted.
///
/// The image is a Header, then the tables in the order of the header's
/// counts, then the string pool; words are 32 bits in the byte order of the
/// machine that builds (and runs) tollgate, since the image is written at
/// build time and only ever read by the binary it is linked into.
///
//===----------------------------------------------------------------------===//

#ifndef TOLLGATE_LIB_CATALOG_IMAGEFORMAT_H
#define TOLLGATE_LIB_CATALOG_IMAGEFORMAT_H

#include <cstdint>

namespace tollgate {
namespace image {

/// Bumped whenever a record changes shape.
constexpr char Magic[8] = {'T', 'G', 'C', 'A', 'T', 'I', 'M', '1'};
/// An index that stands for a null pointer.
constexpr uint32_t None = 0xFFFFFFFFu;

/// A string of the pool.
struct Str {
  uint32_t Offset;
  uint32_t Size;
};

/// A slice of a table: Size records from Begin.
struct Range {
  uint32_t Begin;
  uint32_t Size;
};

struct Header {
  char Magic[8];
  uint32_t NumServices;
  uint32_t NumResourceTypes;
  uint32_t NumKeys;
  uint32_t NumGlobalKeys;
  uint32_t NumActions;
  uint32_t NumActionResources;
  uint32_t NumListItems;
  uint32_t PoolSize;
  Str Source, Version, Date;
};

struct Service {
  Str Prefix, Name;
  Range Actions, ResourceTypes, Keys;
};

struct ResourceType {
  Str Name;
  Range ArnFormats, ConditionKeys; // Into the list items.
  uint32_t Service;
};

struct Key {
  Str Name, Category;
  uint32_t Service; // None for global keys.
  uint8_t Type, MultiValued, Global, Template;
};

struct Action {
  Str FullName;
  uint32_t Service;
  uint32_t Level;
  Range Resources;                       // Into the action resources.
  Range ConditionKeys, DependentActions; // Into the list items.
};

struct ActionResource {
  Str Name;
  uint32_t Type; // None when the service defines no such type.
  uint32_t Required;
  Range ConditionKeys, DependentActions; // Into the list items.
};

// The list items are Str records.

static_assert(sizeof(Header) == 64, "the header is 64 bytes");
static_assert(sizeof(Key) == 24 && sizeof(Action) == 40 &&
                  sizeof(ActionResource) == 32,
              "records have no padding");

} // namespace image
} // namespace tollgate

#endif // TOLLGATE_LIB_CATALOG_IMAGEFORMAT_H
