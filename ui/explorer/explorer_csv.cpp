#include "explorer_csv.h"

#include "common/quantity_style.h"
#include "explorer_session.h"

#include <QCoreApplication>
#include <QSaveFile>

#include <cstdio>

namespace lstm {

QString csvField(const QString &text) {
  if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')) &&
      !text.contains(QLatin1Char('\r')))
    return text;
  QString quoted = text;
  quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
  return QLatin1Char('"') + quoted + QLatin1Char('"');
}

bool exportTraceCsv(const ExplorerSession &session, const QString &path, QString *error) {
  if (!session.hasModel()) {
    *error = path + QStringLiteral(": ") + QCoreApplication::translate("lstm::ExplorerSession", "no model is open");
    return false;
  }
  return writeTraceCsv(session, path, error);
}

bool writeTraceCsv(const ExplorerSession &session, const QString &path, QString *error) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly)) {
    *error = path + QStringLiteral(": ") + file.errorString();
    return false;
  }
  const Trace &trace = session.trace();
  QByteArray buffer = QByteArrayLiteral("step,char,layer,unit,i,f,g,o,c,h\n");
  char number[32];
  for (int step = 0; step < trace.steps(); ++step) {
    // A series step has no character: its column holds the value read, in the series' own units.
    const QByteArray character = csvField(session.tape().entryText(step)).toUtf8();
    for (int layer = 0; layer < trace.layers(); ++layer)
      for (int unit = 0; unit < trace.units(); ++unit) {
        buffer += QByteArray::number(step) + ',' + character + ',' + QByteArray::number(layer) + ',' +
                  QByteArray::number(unit);
        for (Quantity q : kShownQuantities) {
          std::snprintf(number, sizeof number, ",%.9g", double(trace.value(layer, q, step, unit)));
          buffer += number;
        }
        buffer += '\n';
      }
    if (buffer.size() > (1 << 20)) {
      if (file.write(buffer) != buffer.size())
        break;
      buffer.clear();
    }
  }
  if (file.write(buffer) != buffer.size() || !file.commit()) {
    *error = path + QStringLiteral(": ") + file.errorString();
    return false;
  }
  return true;
}

} // namespace lstm
