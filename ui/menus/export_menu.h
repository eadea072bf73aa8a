#pragma once
// File ▸ Export, built for the main window: the figure dialog for slides, then the heatmaps, the unit traces and
// the next-character distribution as PNG/PDF, the units over the text as PNG/SVG/HTML, the trace as CSV and the
// whole window as PNG. Each action asks for a path, saves, and says "Saved <path>" in the window's status bar or
// shows what went wrong. The texts are the main window's (context "lstm::MainWindow"); registered in `texts`, they
// follow its language switches.
class QMainWindow;
class QMenu;

namespace lstm {

class ExplorerSession;
class GateHeatmapView;
class NextTokenView;
class TranslatedTexts;
class UnitStripsView;
class UnitTraceView;

// What the exports draw from; all outlive the menu's window.
struct ExportSources {
  GateHeatmapView *heatmaps = nullptr;
  UnitTraceView *unitTraces = nullptr;
  NextTokenView *nextToken = nullptr;
  ExplorerSession *session = nullptr;
  UnitStripsView *unitStrips = nullptr;
};

void fillExportMenu(QMenu *menu, QMainWindow *window, TranslatedTexts &texts, const ExportSources &sources);

} // namespace lstm
