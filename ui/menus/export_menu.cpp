#include "export_menu.h"

#include "common/dialogs.h"
#include "common/export_figure_dialog.h"
#include "common/translated_texts.h"
#include "explorer/explorer_session.h"
#include "explorer/gate_heatmap_view.h"
#include "explorer/next_token_view.h"
#include "explorer/unit_strips_view.h"
#include "explorer/unit_trace_view.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>

#include <functional>

namespace lstm {

namespace {
using Save = std::function<bool(const QString &path, QString *error)>;

// Functions, not constants: a filter must be translated in the language current when the dialog opens.
QString imageFilter() { return QCoreApplication::translate("lstm::MainWindow", "PNG image (*.png);;PDF document (*.pdf)"); }
QString csvFilter() { return QCoreApplication::translate("lstm::MainWindow", "CSV (*.csv)"); }
QString pngFilter() { return QCoreApplication::translate("lstm::MainWindow", "PNG image (*.png)"); }

void saved(QMainWindow *window, const QString &path) {
  window->statusBar()->showMessage(QCoreApplication::translate("lstm::MainWindow", "Saved %1").arg(path), 5000);
}

void exportWith(QMainWindow *window, const QString &caption, const QString &suggested, const QString &filter,
                const Save &save) {
  const QString path = dialogs::saveFile(window, caption, suggested, filter);
  if (path.isEmpty())
    return;
  QString error;
  if (save(path, &error))
    saved(window, path);
  else
    dialogs::error(window, QCoreApplication::translate("lstm::MainWindow", "Export failed"), error);
}

bool exportWindowImage(QMainWindow *window, const QString &path, QString *error) {
  if (!window->grab().save(path, "PNG")) {
    *error = path + QStringLiteral(": ") + QCoreApplication::translate("lstm::MainWindow", "could not write the image");
    return false;
  }
  return true;
}
} // namespace

void fillExportMenu(QMenu *menu, QMainWindow *window, TranslatedTexts &texts, const ExportSources &sources) {
  QAction *figure = texts.action(menu->addAction(QString(), window, [window] {
    ExportFigureDialog dialog(window);
    if (dialogs::exec(dialog) == QDialog::Accepted && !dialog.lastPath().isEmpty())
      saved(window, dialog.lastPath());
  }), QT_TRANSLATE_NOOP("lstm::MainWindow", "&Figure for slides (PNG, SVG, PDF, clipboard)…"));
  figure->setObjectName(QStringLiteral("exportFigureAction"));
  figure->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
  menu->addSeparator();

  // `caption` is a source text: the file dialog's title is translated when it opens.
  const auto add = [menu, window, &texts](const char *text, const char *name, const char *caption,
                                          const QString &suggested, QString (*filter)(), Save save) {
    texts.action(menu->addAction(QString(), window, [window, caption, suggested, filter, save] {
      exportWith(window, QCoreApplication::translate("lstm::MainWindow", caption), suggested, filter(), save);
    }), text)->setObjectName(QString::fromLatin1(name));
  };
  add(QT_TRANSLATE_NOOP("lstm::MainWindow", "Heatmaps as PNG/PDF…"), "exportHeatmapsAction",
      QT_TRANSLATE_NOOP("lstm::MainWindow", "Export heatmaps"), QStringLiteral("heatmaps.png"), imageFilter,
      [view = sources.heatmaps](const QString &path, QString *error) { return view->exportImage(path, error); });
  add(QT_TRANSLATE_NOOP("lstm::MainWindow", "Unit traces as PNG/PDF…"), "exportTracesAction",
      QT_TRANSLATE_NOOP("lstm::MainWindow", "Export unit traces"), QStringLiteral("unit-traces.png"), imageFilter,
      [view = sources.unitTraces](const QString &path, QString *error) { return view->exportImage(path, error); });
  add(QT_TRANSLATE_NOOP("lstm::MainWindow", "Next-character distribution as PNG/PDF…"), "exportDistributionAction",
      QT_TRANSLATE_NOOP("lstm::MainWindow", "Export distribution"), QStringLiteral("next-character.png"), imageFilter,
      [view = sources.nextToken](const QString &path, QString *error) { return view->exportImage(path, error); });
  add(QT_TRANSLATE_NOOP("lstm::MainWindow", "Units over the text as PNG/SVG/HTML…"), "exportUnitStripsAction",
      QT_TRANSLATE_NOOP("lstm::MainWindow", "Export units over the text"), QStringLiteral("units-over-text.png"),
      &UnitStripsView::exportFilter,
      [view = sources.unitStrips](const QString &path, QString *error) { return view->exportTo(path, error); });
  add(QT_TRANSLATE_NOOP("lstm::MainWindow", "Trace as CSV…"), "exportCsvAction",
      QT_TRANSLATE_NOOP("lstm::MainWindow", "Export trace"), QStringLiteral("trace.csv"), csvFilter,
      [session = sources.session](const QString &path, QString *error) { return session->exportTraceCsv(path, error); });
  add(QT_TRANSLATE_NOOP("lstm::MainWindow", "Window as PNG…"), "exportWindowAction",
      QT_TRANSLATE_NOOP("lstm::MainWindow", "Export window"), QStringLiteral("lstm-explorer.png"), pngFilter,
      [window](const QString &path, QString *error) { return exportWindowImage(window, path, error); });
}

} // namespace lstm
