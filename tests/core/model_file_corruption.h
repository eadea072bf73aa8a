#pragma once
// Byte surgery on saved model files (core/io/model_file.h layout):
//   "LSTMXPLR" | u32 version | u32 header length | header JSON | u64 parameter count | float32 params | u32 CRC-32.
// Every edit that keeps the layout re-seals the CRC, so a corrupted file reaches the check it is aimed at
// instead of stopping at the checksum.
#include "io/crc32.h"
#include "english_problem.h"
#include "io/model_file.h"

#include <QBuffer>
#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

#include <cstdint>
#include <cstring>

namespace lstm::test {

inline constexpr qsizetype kVersionAt = 8;
inline constexpr qsizetype kHeaderLengthAt = 12;
inline constexpr qsizetype kHeaderAt = 16;

// The bytes writeModel produces for `model` (fails the calling test through qFatal if it cannot write).
inline QByteArray modelBytes(const Model &model) {
  QByteArray bytes;
  QBuffer buffer(&bytes);
  buffer.open(QIODevice::WriteOnly);
  Problem problem;
  if (!writeModel(model, buffer, &problem))
    qFatal("writeModel failed: %s", qPrintable(english(problem)));
  return bytes;
}

// readModel over an in-memory file.
inline std::optional<Model> readModelBytes(const QByteArray &bytes, Problem *problem) {
  QByteArray copy = bytes;
  QBuffer buffer(&copy);
  buffer.open(QIODevice::ReadOnly);
  return readModel(buffer, copy.size(), problem);
}

template <typename T>
T readAt(const QByteArray &bytes, qsizetype at) {
  T value{};
  std::memcpy(&value, bytes.constData() + at, sizeof value);
  return value;
}

template <typename T>
void writeAt(QByteArray &bytes, qsizetype at, T value) {
  std::memcpy(bytes.data() + at, &value, sizeof value);
}

inline qsizetype headerLength(const QByteArray &file) { return qsizetype(readAt<std::uint32_t>(file, kHeaderLengthAt)); }
inline qsizetype parameterCountAt(const QByteArray &file) { return kHeaderAt + headerLength(file); }
inline qsizetype parametersAt(const QByteArray &file) { return parameterCountAt(file) + 8; }

// Recomputes the trailing CRC-32 over every byte before it.
inline QByteArray resealed(QByteArray file) {
  const std::uint32_t crc = crc32Update(0, file.constData(), std::size_t(file.size() - 4));
  writeAt(file, file.size() - 4, crc);
  return file;
}

inline QJsonObject headerOf(const QByteArray &file) {
  return QJsonDocument::fromJson(file.mid(kHeaderAt, headerLength(file))).object();
}

// Replaces the header by `header` (any bytes), fixing the length field and the CRC.
inline QByteArray withHeaderBytes(const QByteArray &file, const QByteArray &header) {
  QByteArray out = file.left(kHeaderAt) + header + file.mid(parameterCountAt(file));
  writeAt(out, kHeaderLengthAt, std::uint32_t(header.size()));
  return resealed(out);
}

inline QByteArray withHeader(const QByteArray &file, const QJsonObject &header) {
  return withHeaderBytes(file, QJsonDocument(header).toJson(QJsonDocument::Compact));
}

// Sets (or, for an undefined `value`, removes) one top-level header field.
inline QByteArray withHeaderField(const QByteArray &file, const QString &key, const QJsonValue &value) {
  QJsonObject header = headerOf(file);
  if (value.isUndefined())
    header.remove(key);
  else
    header[key] = value;
  return withHeader(file, header);
}

// Sets (or removes) one field of header.config.
inline QByteArray withConfigField(const QByteArray &file, const QString &key, const QJsonValue &value) {
  QJsonObject config = headerOf(file).value(QStringLiteral("config")).toObject();
  if (value.isUndefined())
    config.remove(key);
  else
    config[key] = value;
  return withHeaderField(file, QStringLiteral("config"), config);
}

// Sets one fixed-size field (version, header length, parameter count) and re-seals.
template <typename T>
QByteArray withField(QByteArray file, qsizetype at, T value) {
  writeAt(file, at, value);
  return resealed(file);
}

// `bytes` with one byte xor-ed by `mask` (no re-seal: the checksum should catch it).
inline QByteArray flipped(QByteArray bytes, qsizetype at, char mask = '\xFF') {
  bytes[at] = char(bytes[at] ^ mask);
  return bytes;
}

// Stores `value` as parameter `index` and re-seals.
inline QByteArray withParameter(const QByteArray &file, qsizetype index, float value) {
  return withField(file, parametersAt(file) + index * qsizetype(sizeof(float)), value);
}

} // namespace lstm::test
