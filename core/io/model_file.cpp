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

QString number(qint64 value) { return QString::number(value); }

} // namespace

const FileExtras::Block *FileExtras::find(const std::string &name) const {
  for (const Block &block : blocks)
    if (block.name == name)
      return &block;
  return nullptr;
}

bool writeModel(const Model &model, QIODevice &device, Problem *problem, const FileExtras *extras) {
  if (Problem issue; !model.checkConsistency(&issue))
    return report(problem, Problem(ProblemCode::ModelInconsistent).because(std::move(issue)));
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
  if (headerBytes.size() > qint64(kMaxModelHeaderBytes))
    return report(problem, Problem(ProblemCode::ModelHeaderTooLarge).withLimit(number(kMaxModelHeaderBytes)));

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
  if (!ok || !extrasOk || device.write(reinterpret_cast<const char *>(&finalCrc), 4) != 4)
    return report(problem, Problem(ProblemCode::WriteFailed).withValue(device.errorString()));
  return true;
}

bool saveModel(const Model &model, const QString &path, Problem *problem, const FileExtras *extras) {
  QSaveFile file(path);
  Problem found;
  if (!file.open(QIODevice::WriteOnly)) {
    found = Problem(ProblemCode::SystemError).withValue(file.errorString());
  } else if (writeModel(model, file, &found, extras)) {
    if (file.commit())
      return true;
    found = Problem(ProblemCode::SystemError).withValue(file.errorString());
  } else {
    file.cancelWriting();
  }
  return report(problem, found.inFile(path));
}

std::optional<Model> readModel(QIODevice &device, qint64 size, Problem *problem, FileExtras *extras) {
  const auto fail = [problem](Problem found) -> std::optional<Model> {
    report(problem, std::move(found));
    return std::nullopt;
  };
  const auto readFailed = [&] { return fail(Problem(ProblemCode::ReadFailed).withValue(device.errorString())); };
  if (size < kSmallestFile)
    return fail(Problem(ProblemCode::ModelTooShort).withValue(number(size)));
  std::uint32_t crc = 0;
  char prefix[kFixedPrefix];
  if (!readExactly(device, prefix, kFixedPrefix, crc))
    return readFailed();
  if (std::memcmp(prefix, kModelMagic, sizeof kModelMagic) != 0)
    return fail(Problem(ProblemCode::ModelBadMagic));
  const auto version = fromLittleEndian<std::uint32_t>(prefix + 8);
  if (version == 0)
    return fail(Problem(ProblemCode::ModelVersionZero));
  if (version > kModelFormatVersion)
    return fail(Problem(ProblemCode::ModelVersionTooNew).withValue(number(version)).withLimit(number(kModelFormatVersion)));
  const auto headerLength = fromLittleEndian<std::uint32_t>(prefix + 12);
  if (headerLength > kMaxModelHeaderBytes || qint64(headerLength) > size - kSmallestFile)
    return fail(Problem(ProblemCode::ModelHeaderTruncated).withValue(number(headerLength)).withLimit(number(size - kFixedPrefix)));
  QByteArray headerBytes(qsizetype(headerLength), Qt::Uninitialized);
  if (!readExactly(device, headerBytes.data(), headerLength, crc))
    return readFailed();
  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(headerBytes, &parseError);
  if (parseError.error != QJsonParseError::NoError)
    return fail(Problem(ProblemCode::ModelHeaderNotJson, {number(parseError.offset)}).withValue(parseError.errorString()));
  if (!document.isObject())
    return fail(Problem(ProblemCode::ModelHeaderNotObject));
  const QJsonObject header = document.object();
  if (header.value(QStringLiteral("format")).toString() != QLatin1String(kHeaderFormat))
    return fail(Problem(ProblemCode::ModelHeaderWrongFormat).withValue(QLatin1String(kHeaderFormat)));

  Model model;
  Problem configProblem;
  if (!configFromJson(header.value(QStringLiteral("config")).toObject(), model.config, &configProblem))
    return fail(Problem(ProblemCode::ModelShapeUnreadable).because(configProblem));
  if (!model.config.validate(&configProblem))
    return fail(Problem(ProblemCode::ModelImpossible).because(configProblem));
  const QJsonArray symbols = header.value(QStringLiteral("vocabulary")).toArray();
  const bool needsVocabulary = model.config.usesTokens() || model.config.head == HeadKind::Softmax;
  const qsizetype expectedSymbols = needsVocabulary ? model.config.vocabSize : 0;
  if (symbols.size() != expectedSymbols)
    return fail(Problem(ProblemCode::ModelVocabularyCount).withValue(number(symbols.size())).withLimit(number(expectedSymbols)));
  std::vector<char32_t> codePoints;
  codePoints.reserve(std::size_t(symbols.size()));
  for (const QJsonValue &symbol : symbols) {
    const double value = symbol.toDouble(-1.0);
    if (!symbol.isDouble() || value < 0 || value > 0x10FFFF || value != std::floor(value))
      return fail(Problem(ProblemCode::ModelVocabularyEntry).withValue(number(qint64(codePoints.size()))));
    codePoints.push_back(char32_t(value));
  }
  Problem vocabularyProblem;
  auto vocabulary = Vocabulary::create(std::move(codePoints), &vocabularyProblem);
  if (!vocabulary)
    return fail(vocabularyProblem);
  model.vocabulary = std::move(*vocabulary);
  model.metadata = header.value(QStringLiteral("metadata")).toObject();

  std::uint64_t storedCount = 0;
  if (!readExactly(device, &storedCount, 8, crc))
    return readFailed();
  const auto expectedCount = std::uint64_t(model.config.parameterCount());
  if (storedCount != expectedCount)
    return fail(Problem(ProblemCode::ModelParameterCount).withValue(QString::number(storedCount)).withLimit(QString::number(expectedCount)));
  // Extra blocks: sizes are checked, summed and compared with the file length before anything is allocated.
  std::vector<std::pair<std::string, qint64>> extraBlocks;
  qint64 extraScalars = 0;
  for (const QJsonValue &entry : header.value(QStringLiteral("extra_blocks")).toArray()) {
    const QJsonObject block = entry.toObject();
    const double count = block.value(QStringLiteral("size")).toDouble(-1.0);
    if (!block.value(QStringLiteral("name")).isString() || count < 0 || count != std::floor(count) ||
        count > double(ModelConfig::kMaxParameters))
      return fail(Problem(ProblemCode::ModelExtraBlockInvalid));
    extraBlocks.emplace_back(block.value(QStringLiteral("name")).toString().toStdString(), qint64(count));
    extraScalars += qint64(count);
    if (extraScalars > 8 * ModelConfig::kMaxParameters)
      return fail(Problem(ProblemCode::ModelExtraBlocksTooLarge));
  }
  const qint64 remaining = size - kFixedPrefix - qint64(headerLength) - 8;
  const qint64 needed = (qint64(expectedCount) + extraScalars) * qint64(sizeof(float)) + 4;
  if (remaining < needed)
    return fail(Problem(ProblemCode::ModelTruncated).withValue(number(remaining)).withLimit(number(needed)));
  if (remaining > needed)
    return fail(Problem(ProblemCode::ModelTrailingBytes).withValue(number(remaining - needed)));
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
  if (!readOk || !readExactly(device, &storedCrc, 4, ignored))
    return readFailed();
  if (storedCrc != crc)
    return fail(Problem(ProblemCode::ModelChecksum, {QStringLiteral("%1").arg(crc, 8, 16, QLatin1Char('0'))})
                    .withValue(QStringLiteral("%1").arg(storedCrc, 8, 16, QLatin1Char('0'))));
  const auto &blocks = model.parameters.layout().blocks();
  for (int index = 0; index < int(blocks.size()); ++index)
    if (!model.parameters.block(index).allFinite())
      return fail(Problem(ProblemCode::ModelParameterNotFinite).withField(QString::fromStdString(blocks[std::size_t(index)].name)));
  return model;
}

std::optional<Model> loadModel(const QString &path, Problem *problem, FileExtras *extras) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) {
    report(problem, Problem(ProblemCode::SystemError).withValue(file.errorString()).inFile(path));
    return std::nullopt;
  }
  std::optional<Model> model = readModel(file, file.size(), problem, extras);
  if (!model)
    setProblemFile(problem, path);
  return model;
}

} // namespace lstm
