#pragma once
// The native model file (format documented in docs/model-file-format.md):
//   "LSTMXPLR" | u32 format version | u32 header length | header (UTF-8 JSON: config, vocabulary, metadata)
//   | u64 parameter count | parameters as little-endian float32 | extra float32 blocks named in the header
//   | u32 CRC-32 of every byte before it.
// Extra blocks and a free "checkpoint" header object let a training checkpoint be a model file too.
// Saving is atomic (QSaveFile). Loading checks every size field against the file length before allocating,
// and refuses anything inconsistent with a Problem that names the file. It never crashes.
#include "common/problem.h"
#include "model/model.h"

#include <QJsonObject>
#include <QString>

#include <optional>
#include <string>
#include <vector>

class QIODevice;

namespace lstm {

inline constexpr char kModelMagic[8] = {'L', 'S', 'T', 'M', 'X', 'P', 'L', 'R'};
inline constexpr std::uint32_t kModelFormatVersion = 1;
inline constexpr std::uint32_t kMaxModelHeaderBytes = 64u << 20;

// What a checkpoint adds to a model file: a JSON object and named float blocks (optimizer moments, carried state).
struct FileExtras {
  struct Block {
    std::string name;
    std::vector<float> values;
  };
  QJsonObject header; // stored as the header's "checkpoint" object
  std::vector<Block> blocks;
  const Block *find(const std::string &name) const;
};

// Writes `model` to `path` atomically. On failure returns false, leaves any existing file untouched, and sets
// `problem` (file = path).
bool saveModel(const Model &model, const QString &path, Problem *problem, const FileExtras *extras = nullptr);
// Serialises to any device (used by saveModel and by tests); `problem` gets no file.
bool writeModel(const Model &model, QIODevice &device, Problem *problem, const FileExtras *extras = nullptr);

// Reads a model file. On failure returns nullopt and sets `problem` (file = path).
// Paths starting with ":/" read Qt resources (the built-in models).
// With `extras`, a checkpoint's header object and blocks are returned too; without, they are checked and skipped.
std::optional<Model> loadModel(const QString &path, Problem *problem, FileExtras *extras = nullptr);
// Reads `size` bytes from `device`; `problem` gets no file.
std::optional<Model> readModel(QIODevice &device, qint64 size, Problem *problem, FileExtras *extras = nullptr);

} // namespace lstm
