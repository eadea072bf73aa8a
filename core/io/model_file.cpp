#include "model_file.h"

#include "crc32.h"
#include "model_json.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

static_assert(std::endian::native == std::endian::little, "the model file stores little-endian floats");

namespace lstm {

namespace {

constexpr char kHeaderFormat[] = "lstm-explorer-model";
constexpr qint64 kFixedPrefix = 16;                   // magic, version, header length
constexpr qint64 kSmallestFile = kFixedPrefix + 8 + 4; // … parameter count, CRC

template <typename T>
T fromLittleEndian(const char *bytes) {
  T value;
  std::memcpy(&value, bytes, sizeof value);
  return value;
}

// Reads exactly `size` bytes and folds them into the running CRC.
bool readExactly(QIODevice &device, void *into, qint64 size, std::uint32_t &crc) {
  auto *bytes = static_cast<char *>(into);
  qint64 done = 0;
  while (done < size) {
    const qint64 got = device.read(bytes + done, size - done);
    if (got <= 0)
      return false;
    done += got;
  }
  crc = crc32Update(crc, into, std::size_t(size));
  return true;
}

bool writeAll(QIODevice &device, const void *data, qint64 size, std::uint32_t &crc) {
  crc = crc32Update(crc, data, std::size_t(size));
  return device.write(static_cast<const char *>(data), size) == size;
}

QString fail(QString *problem, const QString &text) {
  if (problem)
    *problem = text;
  return text;
}

} // namespace

const FileExtras::Block *FileExtras::find(const std::string &name) const {
  for (const Block &block : blocks)
    if (block.name == name)
      return &block;
  return nullptr;
}

bool writeModel(const Model &model, QIODevice &device, QString *problem, const FileExtras *extras) {
  if (const std::string issue = model.checkConsistency(); !issue.empty()) {
    fail(problem, QStringLiteral("cannot save an inconsistent model: %1").arg(QString::fromStdString(issue)));
    return false;
  }
  QJsonObject header;
  header[QStringLiteral("format")] = QLatin1String(kHeaderFormat);
  header[QStringLiteral("config")] = configToJson(model.config);
  QJsonArray vocabulary;
  for (char32_t symbol : model.vocabulary.symbols())
    vocabulary.append(qint64(symbol));
  header[QStringLiteral("vocabulary")] = vocabulary;
  header[QStringLiteral("metadata")] = model.metadata;
  if (extras) {
    header[QStringLiteral("checkpoint")] = extras->header;
    QJsonArray blocks;
    for (const FileExtras::Block &block : extras->blocks)
      blocks.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(block.name)},
                                {QStringLiteral("size"), qint64(block.values.size())}});
    header[QStringLiteral("extra_blocks")] = blocks;
  }
  const QByteArray headerBytes = QJsonDocument(header).toJson(QJsonDocument::Compact);
  if (headerBytes.size() > qint64(kMaxModelHeaderBytes)) {
    fail(problem, QStringLiteral("the header (vocabulary and metadata) exceeds %1 bytes").arg(kMaxModelHeaderBytes));
    return false;
  }

  std::uint32_t crc = 0;
  const auto headerLength = std::uint32_t(headerBytes.size());
  const auto parameterCount = std::uint64_t(model.parameters.size());
  const bool ok = writeAll(device, kModelMagic, sizeof kModelMagic, crc) &&
                  writeAll(device, &kModelFormatVersion, 4, crc) && writeAll(device, &headerLength, 4, crc) &&
                  writeAll(device, headerBytes.constData(), headerBytes.size(), crc) &&
                  writeAll(device, &parameterCount, 8, crc) &&
                  writeAll(device, model.parameters.data(), qint64(parameterCount * sizeof(float)), crc);
  bool extrasOk = true;
  if (ok && extras)
    for (const FileExtras::Block &block : extras->blocks)
      extrasOk = extrasOk && writeAll(device, block.values.data(), qint64(block.values.size() * sizeof(float)), crc);
  const std::uint32_t finalCrc = crc;
  if (!ok || !extrasOk || device.write(reinterpret_cast<const char *>(&finalCrc), 4) != 4) {
    fail(problem, QStringLiteral("writing failed: %1").arg(device.errorString()));
    return false;
  }
  return true;
}

bool saveModel(const Model &model, const QString &path, QString *error, const FileExtras *extras) {
  QSaveFile file(path);
  QString problem;
  if (!file.open(QIODevice::WriteOnly)) {
    problem = file.errorString();
  } else if (writeModel(model, file, &problem, extras)) {
    if (file.commit())
      return true;
    problem = file.errorString();
  } else {
    file.cancelWriting();
  }
  if (error)
    *error = QStringLiteral("%1: %2").arg(path, problem);
  return false;
}

std::optional<Model> readModel(QIODevice &device, qint64 size, QString *problem, FileExtras *extras) {
  if (size < kSmallestFile) {
    fail(problem, QStringLiteral("the file is too short to be a model file (%1 bytes)").arg(size));
    return std::nullopt;
  }
  std::uint32_t crc = 0;
  char prefix[kFixedPrefix];
  if (!readExactly(device, prefix, kFixedPrefix, crc)) {
    fail(problem, QStringLiteral("reading failed: %1").arg(device.errorString()));
    return std::nullopt;
  }
  if (std::memcmp(prefix, kModelMagic, sizeof kModelMagic) != 0) {
    fail(problem, QStringLiteral("this is not an LSTM Explorer model file (it does not start with \"LSTMXPLR\")"));
    return std::nullopt;
  }
  const auto version = fromLittleEndian<std::uint32_t>(prefix + 8);
  if (version == 0 || version > kModelFormatVersion) {
    fail(problem, version == 0 ? QStringLiteral("the format version is 0, which no version of LSTM Explorer wrote")
                               : QStringLiteral("the file was written in model format %1 by a newer LSTM Explorer; "
                                                "this version reads format %2 and older")
                                     .arg(version)
                                     .arg(kModelFormatVersion));
    return std::nullopt;
  }
  const auto headerLength = fromLittleEndian<std::uint32_t>(prefix + 12);
  if (headerLength > kMaxModelHeaderBytes || qint64(headerLength) > size - kSmallestFile) {
    fail(problem, QStringLiteral("the file is truncated or damaged: its header claims %1 bytes but only %2 "
                                 "bytes follow")
                      .arg(headerLength)
                      .arg(size - kFixedPrefix));
    return std::nullopt;
  }
  QByteArray headerBytes(qsizetype(headerLength), Qt::Uninitialized);
  if (!readExactly(device, headerBytes.data(), headerLength, crc)) {
    fail(problem, QStringLiteral("reading failed: %1").arg(device.errorString()));
    return std::nullopt;
  }
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(headerBytes, &parseError);
  if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
    fail(problem, parseError.error != QJsonParseError::NoError
                      ? QStringLiteral("the header is damaged (%1 at byte %2)")
                            .arg(parseError.errorString())
                            .arg(parseError.offset)
                      : QStringLiteral("the header is damaged (it is not a JSON object)"));
    return std::nullopt;
  }
  const QJsonObject header = document.object();
  if (header.value(QStringLiteral("format")).toString() != QLatin1String(kHeaderFormat)) {
    fail(problem, QStringLiteral("the header does not describe an LSTM Explorer model (\"format\" is not \"%1\")")
                      .arg(QLatin1String(kHeaderFormat)));
    return std::nullopt;
  }

  Model model;
  QString configProblem;
  if (!configFromJson(header.value(QStringLiteral("config")).toObject(), model.config, &configProblem)) {
    fail(problem, QStringLiteral("the header's model shape is unreadable: %1").arg(configProblem));
    return std::nullopt;
  }
  if (const std::string issue = model.config.validate(); !issue.empty()) {
    fail(problem, QStringLiteral("the header describes an impossible model: %1").arg(QString::fromStdString(issue)));
    return std::nullopt;
  }
  const QJsonArray symbols = header.value(QStringLiteral("vocabulary")).toArray();
  const bool needsVocabulary = model.config.usesTokens() || model.config.head == HeadKind::Softmax;
  const qsizetype expectedSymbols = needsVocabulary ? model.config.vocabSize : 0;
  if (symbols.size() != expectedSymbols) {
    fail(problem, QStringLiteral("inconsistent shapes: the vocabulary lists %1 symbols but the model has %2")
                      .arg(symbols.size())
                      .arg(expectedSymbols));
    return std::nullopt;
  }
  std::vector<char32_t> codePoints;
  codePoints.reserve(std::size_t(symbols.size()));
  for (const QJsonValue &symbol : symbols) {
    const double value = symbol.toDouble(-1.0);
    if (!symbol.isDouble() || value < 0 || value > 0x10FFFF || value != std::floor(value)) {
      fail(problem, QStringLiteral("vocabulary entry %1 is not a Unicode code point").arg(codePoints.size()));
      return std::nullopt;
    }
    codePoints.push_back(char32_t(value));
  }
  std::string vocabularyProblem;
  auto vocabulary = Vocabulary::create(std::move(codePoints), &vocabularyProblem);
  if (!vocabulary) {
    fail(problem, QString::fromStdString(vocabularyProblem));
    return std::nullopt;
  }
  model.vocabulary = std::move(*vocabulary);
  model.metadata = header.value(QStringLiteral("metadata")).toObject();

  std::uint64_t storedCount = 0;
  if (!readExactly(device, &storedCount, 8, crc)) {
    fail(problem, QStringLiteral("reading failed: %1").arg(device.errorString()));
    return std::nullopt;
  }
  const auto expectedCount = std::uint64_t(model.config.parameterCount());
  if (storedCount != expectedCount) {
    fail(problem, QStringLiteral("inconsistent shapes: the header's model needs %1 parameters but the file stores %2")
                      .arg(expectedCount)
                      .arg(storedCount));
    return std::nullopt;
  }
  // Extra blocks: sizes are checked, summed and compared with the file length before anything is allocated.
  std::vector<std::pair<std::string, qint64>> extraBlocks;
  qint64 extraScalars = 0;
  for (const QJsonValue &entry : header.value(QStringLiteral("extra_blocks")).toArray()) {
    const QJsonObject block = entry.toObject();
    const double count = block.value(QStringLiteral("size")).toDouble(-1.0);
    if (!block.value(QStringLiteral("name")).isString() || count < 0 || count != std::floor(count) ||
        count > double(ModelConfig::kMaxParameters)) {
      fail(problem, QStringLiteral("the header lists an extra block without a valid name and size"));
      return std::nullopt;
    }
    extraBlocks.emplace_back(block.value(QStringLiteral("name")).toString().toStdString(), qint64(count));
    extraScalars += qint64(count);
    if (extraScalars > 8 * ModelConfig::kMaxParameters) {
      fail(problem, QStringLiteral("the header's extra blocks are larger than any checkpoint can be"));
      return std::nullopt;
    }
  }
  const qint64 remaining = size - kFixedPrefix - qint64(headerLength) - 8;
  const qint64 needed = (qint64(expectedCount) + extraScalars) * qint64(sizeof(float)) + 4;
  if (remaining != needed) {
    fail(problem, remaining < needed
                      ? QStringLiteral("the file is truncated: %1 bytes of parameters and checksum expected, %2 present")
                            .arg(needed)
                            .arg(remaining)
                      : QStringLiteral("the file has %1 unexpected bytes after its checksum").arg(remaining - needed));
    return std::nullopt;
  }
  model.parameters = Parameters<float>(model.config); // every size above was checked against the file length
  bool readOk = readExactly(device, model.parameters.data(), qint64(expectedCount * sizeof(float)), crc);
  if (extras) {
    extras->header = header.value(QStringLiteral("checkpoint")).toObject();
    extras->blocks.clear();
  }
  for (const auto &[name, count] : extraBlocks) {
    if (extras) {
      extras->blocks.push_back({name, std::vector<float>(std::size_t(count))});
      readOk = readOk && readExactly(device, extras->blocks.back().values.data(), count * qint64(sizeof(float)), crc);
    } else {
      char scratch[1 << 14]; // not wanted: still read, for the checksum
      for (qint64 left = count * qint64(sizeof(float)); readOk && left > 0; left -= qint64(sizeof scratch))
        readOk = readExactly(device, scratch, std::min<qint64>(left, qint64(sizeof scratch)), crc);
    }
  }
  std::uint32_t storedCrc = 0;
  std::uint32_t ignored = 0;
  if (!readOk || !readExactly(device, &storedCrc, 4, ignored)) {
    fail(problem, QStringLiteral("reading failed: %1").arg(device.errorString()));
    return std::nullopt;
  }
  if (storedCrc != crc) {
    fail(problem, QStringLiteral("the checksum does not match: the file is damaged (stored %1, computed %2)")
                      .arg(storedCrc, 8, 16, QLatin1Char('0'))
                      .arg(crc, 8, 16, QLatin1Char('0')));
    return std::nullopt;
  }
  const auto &blocks = model.parameters.layout().blocks();
  for (int index = 0; index < int(blocks.size()); ++index)
    if (!model.parameters.block(index).allFinite()) {
      fail(problem, QStringLiteral("the parameter %1 holds a value that is not a finite number")
                        .arg(QString::fromStdString(blocks[std::size_t(index)].name)));
      return std::nullopt;
    }
  return model;
}

std::optional<Model> loadModel(const QString &path, QString *error, FileExtras *extras) {
  QFile file(path);
  QString problem;
  std::optional<Model> model;
  if (!file.open(QIODevice::ReadOnly))
    problem = file.errorString();
  else
    model = readModel(file, file.size(), &problem, extras);
  if (!model && error)
    *error = QStringLiteral("%1: %2").arg(path, problem);
  return model;
}

} // namespace lstm
