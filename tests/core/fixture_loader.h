#pragma once
// Reads the PyTorch fixtures written by tools/make_pytorch_fixtures.py.
#include "io/pytorch_interchange.h"
#include "english_problem.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <vector>

namespace lstm::test {

inline QString fixturePath(const QString &name) { return QStringLiteral(LSTM_FIXTURE_DIR "/") + name; }

inline QJsonObject readJsonFixture(const QString &name) {
  QFile file(fixturePath(name));
  if (!file.open(QIODevice::ReadOnly))
    qFatal("cannot open fixture %s", qPrintable(file.fileName()));
  return QJsonDocument::fromJson(file.readAll()).object();
}

// Row-major flattening of a nested list of numbers.
inline void flattenInto(const QJsonValue &value, std::vector<double> &out) {
  if (value.isArray())
    for (const QJsonValue &item : value.toArray())
      flattenInto(item, out);
  else
    out.push_back(value.toDouble());
}
inline std::vector<double> flatten(const QJsonValue &value) {
  std::vector<double> out;
  flattenInto(value, out);
  return out;
}

// A dict of tensors named like the interchange state_dict (gradients, weights after a step) as Parameters in
// the layout of `model`, by reusing the interchange importer.
inline Parameters<float> tensorsAsParameters(const QJsonObject &tensors, const QJsonObject &interchange) {
  QJsonObject file = interchange;
  file[QStringLiteral("state_dict")] = tensors;
  Problem problem;
  auto model = parsePytorchInterchange(QJsonDocument(file).toJson(QJsonDocument::Compact), &problem);
  if (!model)
    qFatal("fixture tensors do not fit the model: %s", qPrintable(english(problem)));
  return model->parameters;
}

} // namespace lstm::test
