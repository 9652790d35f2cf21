package io.neuralworkbench.engine.export.onnx;

import onnx.Onnx;
import org.nd4j.shade.protobuf.ByteString;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small builder over ONNX's protobuf classes (those shipped in nd4j-api): nodes, weights (initializers),
 * graph inputs and outputs, with unique tensor names. Knows nothing about our layers.
 */
final class OnnxGraph {
    /** ONNX IR version 7 is the first to carry opset 13 (ONNX 1.8). */
    static final long IR_VERSION = Onnx.Version.IR_VERSION_2020_5_8_VALUE;
    static final long OPSET = 13;
    /** The name of the batch dimension in the declared input and output shapes. */
    static final String BATCH = "batch";

    private final Onnx.GraphProto.Builder graph = Onnx.GraphProto.newBuilder();
    private final Set<String> names = new HashSet<>();

    OnnxGraph(String name) {
        graph.setName(name);
    }

    /** Keeps a name (the graph's input or output) from being given to any other tensor. */
    void reserve(String name) {
        names.add(name);
    }

    /** A tensor name not used yet: {@code base}, or {@code base_2}, {@code base_3}, … */
    String unique(String base) {
        String name = base;
        for (int i = 2; !names.add(name); i++) {
            name = base + "_" + i;
        }
        return name;
    }

    /**
     * Adds a node computing {@code op} from the named inputs ("" for an omitted optional input) into a new tensor.
     *
     * @return the output tensor's name
     */
    String node(String op, String outputBase, List<String> inputs, Onnx.AttributeProto... attributes) {
        String output = unique(outputBase);
        nodeWithOutputs(op, List.of(output), inputs, attributes);
        return output;
    }

    /** A node with several outputs, named as given (each made unique first by the caller). */
    void nodeWithOutputs(String op, List<String> outputs, List<String> inputs, Onnx.AttributeProto... attributes) {
        Onnx.NodeProto.Builder node = Onnx.NodeProto.newBuilder()
                .setOpType(op)
                .setName(outputs.get(0))
                .addAllInput(inputs)
                .addAllOutput(outputs);
        for (Onnx.AttributeProto attribute : attributes) {
            node.addAttribute(attribute);
        }
        graph.addNode(node);
    }

    /** A float weight tensor of the given dimensions, values in row-major order. */
    String floats(String base, float[] values, long... dims) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return initializer(base, Onnx.TensorProto.DataType.FLOAT_VALUE, ByteString.copyFrom(bytes.array()), dims);
    }

    /** An int64 constant tensor (shapes, axes). */
    String longs(String base, long... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asLongBuffer().put(values);
        return initializer(base, Onnx.TensorProto.DataType.INT64_VALUE, ByteString.copyFrom(bytes.array()),
                values.length);
    }

    private String initializer(String base, int dataType, ByteString raw, long... dims) {
        String name = unique(base);
        Onnx.TensorProto.Builder tensor = Onnx.TensorProto.newBuilder().setName(name).setDataType(dataType)
                .setRawData(raw);
        for (long dim : dims) {
            tensor.addDims(dim);
        }
        graph.addInitializer(tensor);
        return name;
    }

    /** Declares a graph input; a dimension of -1 is the batch, 0 a named free dimension. */
    void input(String name, int elementType, long... dims) {
        graph.addInput(valueInfo(name, elementType, dims));
    }

    void output(String name, int elementType, long... dims) {
        graph.addOutput(valueInfo(name, elementType, dims));
    }

    private static Onnx.ValueInfoProto valueInfo(String name, int elementType, long... dims) {
        Onnx.TensorShapeProto.Builder shape = Onnx.TensorShapeProto.newBuilder();
        for (long dim : dims) {
            Onnx.TensorShapeProto.Dimension.Builder dimension = Onnx.TensorShapeProto.Dimension.newBuilder();
            if (dim == -1) {
                dimension.setDimParam(BATCH);
            } else if (dim == 0) {
                dimension.setDimParam("steps");
            } else {
                dimension.setDimValue(dim);
            }
            shape.addDim(dimension);
        }
        return Onnx.ValueInfoProto.newBuilder().setName(name)
                .setType(Onnx.TypeProto.newBuilder().setTensorType(
                        Onnx.TypeProto.Tensor.newBuilder().setElemType(elementType).setShape(shape)))
                .build();
    }

    Onnx.ModelProto model(String producerVersion, String docString) {
        return Onnx.ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName("Neural Workbench")
                .setProducerVersion(producerVersion)
                .setDocString(docString)
                .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setGraph(graph)
                .build();
    }

    static Onnx.AttributeProto intAttribute(String name, long value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.INT)
                .setI(value).build();
    }

    static Onnx.AttributeProto floatAttribute(String name, float value) {
        return Onnx.AttributeProto.newBuilder().setName(name).setType(Onnx.AttributeProto.AttributeType.FLOAT)
                .setF(value).build();
    }

    static Onnx.AttributeProto intsAttribute(String name, long... values) {
        Onnx.AttributeProto.Builder attribute = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.INTS);
        for (long value : values) {
            attribute.addInts(value);
        }
        return attribute.build();
    }

    static Onnx.AttributeProto stringsAttribute(String name, String... values) {
        Onnx.AttributeProto.Builder attribute = Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.STRINGS);
        for (String value : values) {
            attribute.addStrings(ByteString.copyFromUtf8(value));
        }
        return attribute.build();
    }
}
