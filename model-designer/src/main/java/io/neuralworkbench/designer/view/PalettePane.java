package io.neuralworkbench.designer.view;

import io.neuralworkbench.designer.model.BlockLibrary;
import io.neuralworkbench.designer.model.LayerCatalog;
import io.neuralworkbench.designer.model.SavedBlock;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The layer kinds, grouped and searchable, and the user's own blocks ("My blocks"). A kind is added by dragging it onto the canvas (plain mouse
 * events, so the drag works the same on every platform and under the headless test robot) or by double-click.
 */
final class PalettePane extends VBox {
    private final NetworkCanvas canvas;
    private final TextField search = new TextField();
    private final Map<LayerCatalog.Group, TitledPane> sections = new EnumMap<>(LayerCatalog.Group.class);
    private final Map<LayerCatalog.Group, VBox> sectionItems = new EnumMap<>(LayerCatalog.Group.class);
    private final BlockLibrary blocks;
    private final VBox blockItems = new VBox(2);
    private final TitledPane blockSection = new TitledPane("My blocks", blockItems);

    PalettePane(NetworkCanvas canvas, BlockLibrary blocks) {
        this.blocks = blocks;
        this.canvas = canvas;
        getStyleClass().add("palette");
        setSpacing(4);
        search.setPromptText("Search layers");
        search.setId("palette-search");
        search.textProperty().addListener((o, old, query) -> filter(query));
        getChildren().add(search);
        blockSection.setAnimated(false);
        blockSection.setId("my-blocks");
        getChildren().add(blockSection); // first: the user's own blocks are what they reach for
        for (LayerCatalog.Group group : LayerCatalog.Group.values()) {
            VBox items = new VBox(2);
            TitledPane section = new TitledPane(group.title(), items);
            section.setAnimated(false);
            sections.put(group, section);
            sectionItems.put(group, items);
            getChildren().add(section);
        }
        blocks.addListener(() -> filter(search.getText()));
        filter("");
    }

    private void filter(String query) {
        List<LayerCatalog> matching = LayerCatalog.matching(query);
        sectionItems.values().forEach(items -> items.getChildren().clear());
        matching.forEach(kind -> sectionItems.get(kind.group()).getChildren().add(item(kind)));
        sections.forEach((group, section) -> {
            boolean any = !sectionItems.get(group).getChildren().isEmpty();
            section.setVisible(any);
            section.setManaged(any);
        });
        String lower = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        blockItems.getChildren().setAll(blocks.blocks().stream()
                .filter(block -> block.name().toLowerCase(java.util.Locale.ROOT).contains(lower))
                .map(this::item).toList());
        boolean any = !blockItems.getChildren().isEmpty();
        blockSection.setVisible(any);
        blockSection.setManaged(any);
    }

    /** A block of "My blocks": inserted like a layer, folded into its block card. */
    private Label item(SavedBlock block) {
        Label item = new Label(block.name() + " (" + block.nodeCount() + " nodes)");
        item.getStyleClass().addAll("palette-item", "palette-block");
        item.setId("myblock-" + block.name());
        item.setMaxWidth(Double.MAX_VALUE);
        item.setTooltip(new Tooltip(block.network().nodes().stream().map(n -> n.name() + " (" + n.layer().kind() + ")")
                .collect(java.util.stream.Collectors.joining(" → ")) + "\nDrag onto the canvas, or double-click."));
        item.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                canvas.insertSaved(block, canvas.centreOfView());
            }
        });
        item.setOnMouseReleased(e -> canvas.dropSaved(block, e.getSceneX(), e.getSceneY()));
        return item;
    }

    private Label item(LayerCatalog kind) {
        Label item = new Label(kind.title());
        item.getStyleClass().add("palette-item");
        item.setId("palette-" + kind.kind());
        item.setMaxWidth(Double.MAX_VALUE);
        item.setTooltip(new Tooltip(kind.explanation() + "\nDrag onto the canvas, or double-click."));
        item.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                canvas.add(kind, canvas.centreOfView());
            }
        });
        item.setOnMouseDragged(e -> canvas.paletteDragOver(kind, e.getSceneX(), e.getSceneY()));
        item.setOnMouseReleased(e -> canvas.dropFromPalette(kind, e.getSceneX(), e.getSceneY()));
        return item;
    }
}
