#pragma once
// The native model file (format documented in docs/model-file-format.md):
//   "LSTMXPLR" | u32 format version | u32 header length | header (UTF-8 JSON: config, vocabulary, metadata)
//   | u64 parameter count | parameters as little-endian float32 | u32 CRC-32 of every byte before it.
// Saving is atomic (QSaveFile). Loading checks every size field against the file length before allocating,
// and refuses anything inconsistent with one sentence that names the file and the problem. It never crashes.
#include "model/model.h"

#include <QString>

#include <optional>

class QIODevice;

namespace lstm {

inline constexpr char kModelMagic[8] = {'L', 'S', 'T', 'M', 'X', 'P', 'L', 'R'};
inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::uint32_t kMaxModelHeaderBytes = 64u << 20;

// Writes `model` to `path` atomically. On failure returns false, leaves any existing file untouched, and sets
// `error` to "<path>: <problem>".
bool saveModel(const Model &model, const QString &path, QString *error);
// Serialises to any device (used by saveModel and by tests).
bool writeModel(const Model &model, QIODevice &device, QString *problem);

// Reads a model file. On failure returns nullopt and sets `error` to "<path>: <problem>".
// Paths starting with ":/" read Qt resources (the built-in models).
std::optional<Model> loadModel(const QString &path, QString *error);
// Reads `size` bytes from `device`; `problem` gets the bare problem (no file name).
std::optional<Model> readModel(QIODevice &device, qint64 size, QString *problem);

} // namespace lstm
