package io.neuralworkbench.app.settings;

import io.neuralworkbench.engine.backend.BackendReport;
import io.neuralworkbench.engine.backend.ComputeDevice;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the compute backend offers, in the words of the Settings dialog: the CPU always, a GPU only with the CUDA
 * build of ND4J and a CUDA device; when there is no GPU, the reason says which of the two is missing.
 *
 * @param cpu        the processor, e.g. "Intel Xeon (2 cores)"
 * @param gpu        the GPUs found, e.g. "GPU: NVIDIA T4 (15.7 GB)"; empty when none can be used
 * @param gpuProblem why no GPU can be used, for the user; empty when one can
 */
public record BackendAvailability(String cpu, Optional<String> gpu, Optional<String> gpuProblem) {
    /** The ND4J backend class of the CUDA build (nd4j-cuda-*); only looked up, never loaded. */
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";

    /** From a report of the backend ND4J loaded ({@link BackendReport#current()}, slow: call it off the FX thread). */
    public static BackendAvailability of(BackendReport report) {
        return of(report, cudaBuildInstalled());
    }

    static BackendAvailability of(BackendReport report, boolean cudaBuildInstalled) {
        String backend = report.backend() == null ? "" : report.backend().toLowerCase(java.util.Locale.ROOT);
        boolean cudaLoaded = backend.contains("cublas") || backend.contains("cuda"); // JCublasBackend
        // the CPU backend reports the processor as its device; the CUDA backend reports GPUs only
        String processor = !cudaLoaded && !report.devices().isEmpty() ? report.devices().get(0).name() : "CPU";
        String cpu = processor + " (" + report.availableProcessors() + " cores)";
        if (cudaLoaded && !report.devices().isEmpty()) {
            String gpus = report.devices().stream().map(ComputeDevice::name).collect(Collectors.joining(", "));
            return new BackendAvailability(cpu, Optional.of("GPU: " + gpus), Optional.empty());
        }
        String problem;
        if (!cudaBuildInstalled) {
            problem = "No GPU backend: the CUDA build of the backend (nd4j-cuda) is not installed, so training runs on "
                    + "the CPU. Install the workbench's GPU edition on a machine with an NVIDIA GPU to use it.";
        } else if (report.backendProblem() != null) {
            problem = "No GPU backend: the CUDA backend is installed but could not start (" + report.backendProblem()
                    + "). Check the NVIDIA driver and CUDA version.";
        } else {
            problem = "No GPU backend: no CUDA device was found (no NVIDIA GPU, or its driver is not loaded), so "
                    + "training runs on the CPU.";
        }
        return new BackendAvailability(cpu, Optional.empty(), Optional.of(problem));
    }

    static boolean cudaBuildInstalled() {
        try {
            Class.forName(CUDA_BACKEND_CLASS, false, BackendAvailability.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
