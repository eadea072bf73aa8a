#include "plot_export.h"

#include "common/qcustomplot_include.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <filesystem>
#include <system_error>

namespace lstm {

bool savePlot(QCustomPlot *plot, const QString &path, QString *error, int width, int height) {
  const QFileInfo info(path);
  const QString suffix = info.suffix().toLower();
  const bool png = suffix == QStringLiteral("png");
  const bool pdf = suffix == QStringLiteral("pdf");
  if (!png && !pdf) {
    if (error)
      *error = QCoreApplication::translate("lstm::PlotExport", "%1: unsupported format (use .png or .pdf)").arg(path);
    return false;
  }
  // Written next to the target and renamed over it, so a failed export never leaves half a file behind.
  // savePdf reports success once its painter starts even if the file then cannot be written: only a
  // non-empty file counts.
  QTemporaryFile temporary(info.absoluteDir().filePath(QStringLiteral(".%1.XXXXXX.%2").arg(info.completeBaseName(), suffix)));
  bool saved = temporary.open();
  if (saved) {
    temporary.close();
    const QString temporaryPath = temporary.fileName();
    saved = (png ? plot->savePng(temporaryPath, width, height) : plot->savePdf(temporaryPath, width, height)) &&
            QFileInfo(temporaryPath).size() > 0;
    // QTemporaryFile creates 0600; an exported picture is meant to be shared like any new file.
    QFile::setPermissions(temporaryPath, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    std::error_code failure;
    if (saved)
      std::filesystem::rename(temporaryPath.toStdU16String(), path.toStdU16String(), failure);
    saved = saved && !failure;
    if (saved)
      temporary.setAutoRemove(false);
  }
  if (!saved && error)
    *error = QCoreApplication::translate("lstm::PlotExport", "%1: could not write the file").arg(path);
  return saved;
}

} // namespace lstm
